/**
 * The form for a question to a lawyer: topic (icons), the question in a few words (pinyin or
 * the Mongolian keyboard; the words already typed are kept), phone, and when to call back.
 * Stored at once on this kiosk (offline too); the thread that follows shows the code, the
 * center's receipt and, later, the answer.
 */
import { useState } from 'react';
import {
  CALLBACK_TIMES,
  CASE_CATEGORIES,
  type CallbackTime,
  type CaseCategory,
  type Question,
} from '@pls/shared/domain';
import { familyKey, type TranslationKey } from '@pls/shared/i18n';
import { BigButton, Text, useLanguage } from '@pls/shared/ui';
import { hasCollection } from '@pls/shared/db';
import { useRuntime } from '../ui/runtime';
import { FieldForm, type FormField } from '../templates/field-form';
import { leaveQuestion, QUESTION_TEXT_MAX, type LeaveQuestionError } from './leave-question';
import { QuestionThread } from './question-thread';

type Field = 'text' | 'phone';

const FIELDS: readonly FormField<Field>[] = [
  {
    name: 'text',
    label: 'services:question.text',
    modes: ['pinyin', 'mongolian'],
    max: QUESTION_TEXT_MAX,
    multiline: true,
  },
  {
    name: 'phone',
    label: 'services:question.phone',
    modes: ['digits'],
    max: 11,
    digitPad: 'phone',
  },
];

const CALLBACK_LABELS: Readonly<Record<CallbackTime, TranslationKey>> = {
  morning: 'services:question.callback.morning',
  afternoon: 'services:question.callback.afternoon',
  evening: 'services:question.callback.evening',
  any: 'services:question.callback.any',
};

function messagesOf(error: LeaveQuestionError | undefined): Partial<Record<Field, TranslationKey>> {
  if (!error) return {};
  switch (error.kind) {
    case 'textEmpty':
      return { text: 'services:question.error.textEmpty' };
    case 'textTooLong':
      return { text: 'services:question.error.textTooLong' };
    case 'phone':
      return {
        phone:
          error.error.kind === 'empty'
            ? 'services:question.error.phoneEmpty'
            : 'services:question.error.phoneFormat',
      };
    case 'invalid':
      return { text: 'services:question.error.invalid' };
  }
}

export function LeaveQuestionPanel({
  topic,
  words,
  relatedContentId,
}: {
  readonly topic: CaseCategory | undefined;
  readonly words: string;
  readonly relatedContentId: string | undefined;
}) {
  const { db, enrollment } = useRuntime();
  const { language } = useLanguage();
  const [category, setCategory] = useState<CaseCategory>(topic ?? 'other');
  const [values, setValues] = useState<Record<Field, string>>({ text: words, phone: '' });
  const [active, setActive] = useState<Field>(words.trim() === '' ? 'text' : 'phone');
  const [callbackTime, setCallbackTime] = useState<CallbackTime>('any');
  const [error, setError] = useState<LeaveQuestionError | undefined>(undefined);
  const [sending, setSending] = useState(false);
  const [stored, setStored] = useState<Question | undefined>(undefined);

  if (stored) return <QuestionThread question={stored} />;

  const send = async () => {
    if (!hasCollection(db, 'questions')) return;
    setSending(true);
    const result = await leaveQuestion(db, enrollment, {
      category,
      text: values.text,
      phone: values.phone,
      callbackTime,
      language,
      ...(relatedContentId ? { relatedContentId } : {}),
    });
    setSending(false);
    if (result.ok) setStored(result.value);
    else {
      setError(result.error);
      setActive(result.error.kind === 'phone' ? 'phone' : 'text');
    }
  };

  return (
    <section className="k-svc__block k-question-form" data-testid="leave-question">
      <Text as="h3" k="services:question.title" />
      <Text as="p" k="services:question.prompt" />
      <div className="k-svc__row" role="group" data-testid="question-topics">
        {CASE_CATEGORIES.map((c) => (
          <BigButton
            key={c}
            label={familyKey('domain:caseCategory', c)}
            variant="secondary"
            pressed={category === c}
            className={`k-question__topic k-question__topic--${c}`}
            onPress={() => setCategory(c)}
          />
        ))}
      </div>
      <FieldForm
        fields={FIELDS}
        values={values}
        onChange={(name, value) => setValues((v) => ({ ...v, [name]: value }))}
        active={active}
        onActivate={setActive}
        messages={messagesOf(error)}
      />
      <Text as="p" k="services:question.callback.title" className="k-svc__strong" />
      <div className="k-svc__row" role="group" data-testid="question-callback">
        {CALLBACK_TIMES.map((time) => (
          <BigButton
            key={time}
            label={CALLBACK_LABELS[time]}
            variant="secondary"
            pressed={callbackTime === time}
            className={`k-question__callback k-question__callback--${time}`}
            onPress={() => setCallbackTime(time)}
          />
        ))}
      </div>
      <BigButton
        label="services:question.send"
        icon="check"
        className="k-act--send-question"
        disabled={sending}
        onPress={() => void send()}
      />
    </section>
  );
}
