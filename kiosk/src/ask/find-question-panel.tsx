/**
 * "See my answer": the tracking code from the slip, then the last four digits of the phone
 * given with the question. Offline, from this kiosk's data; a wrong code and a wrong last four
 * get the same message, and repeated misses are slowed down (the station's lookup throttle).
 */
import { useState } from 'react';
import {
  formatTrackingCode,
  parseTrackingCode,
  TRACKING_CODE_LENGTH,
  type Question,
} from '@pls/shared/domain';
import { hasCollection } from '@pls/shared/db';
import type { TranslationKey } from '@pls/shared/i18n';
import { BigButton, Text } from '@pls/shared/ui';
import { CodeKeypad, PinPad } from '../ui/code-keypad';
import { useRuntime } from '../ui/runtime';
import { findQuestion } from './leave-question';
import { QuestionThread } from './question-thread';

type Problem = 'badCode' | 'notFound' | 'throttled';

const PROBLEMS: Readonly<Record<Problem, TranslationKey>> = {
  badCode: 'services:question.find.badCode',
  notFound: 'services:question.find.notFound',
  throttled: 'services:question.find.throttled',
};

export function FindQuestionPanel() {
  const { db, lookupThrottle } = useRuntime();
  const [step, setStep] = useState<'code' | 'last4'>('code');
  const [code, setCode] = useState('');
  const [last4, setLast4] = useState('');
  const [problem, setProblem] = useState<Problem | undefined>();
  const [found, setFound] = useState<Question | undefined>(undefined);

  if (found) return <QuestionThread question={found} />;

  const find = async () => {
    const parsed = parseTrackingCode(code);
    if (!parsed.ok || !hasCollection(db, 'questions')) return;
    const verdict = lookupThrottle.check(Date.now());
    if (!verdict.allowed) {
      setProblem('throttled');
      return;
    }
    const question = await findQuestion(db, parsed.value, last4);
    if (question) {
      lookupThrottle.succeeded();
      setFound(question);
      return;
    }
    lookupThrottle.failed(Date.now());
    setLast4('');
    setProblem('notFound');
  };

  return (
    <section className="k-svc__block" data-testid="find-question">
      <Text as="h3" k="services:question.findTitle" />
      {problem ? (
        <div role="alert" className="k-svc__alert" data-problem={problem}>
          <Text k={PROBLEMS[problem]} />
        </div>
      ) : null}
      {step === 'code' ? (
        <>
          <Text as="p" k="services:question.find.codePrompt" />
          <CodeKeypad
            label="services:question.find.codeLabel"
            value={code}
            onChange={(value) => {
              setProblem(undefined);
              setCode(value);
            }}
            length={TRACKING_CODE_LENGTH}
            format={formatTrackingCode}
          />
          <BigButton
            label="services:question.find.next"
            icon="right"
            className="k-act--find-next"
            disabled={code.length !== TRACKING_CODE_LENGTH}
            onPress={() => {
              if (parseTrackingCode(code).ok) setStep('last4');
              else setProblem('badCode');
            }}
          />
        </>
      ) : (
        <>
          <Text as="p" k="services:question.find.last4Prompt" />
          <PinPad
            label="services:question.find.last4Label"
            value={last4}
            onChange={setLast4}
            maxLength={4}
          />
          <BigButton
            label="services:question.find.lookUp"
            icon="check"
            className="k-act--find-question"
            disabled={last4.length !== 4}
            onPress={() => void find()}
          />
        </>
      )}
    </section>
  );
}
