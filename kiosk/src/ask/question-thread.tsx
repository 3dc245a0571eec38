/**
 * One left question as it stands: its tracking code, whether the center has it, and the
 * lawyer's answer once it came back (in the language the lawyer wrote it, normally the
 * resident's), with the answer slip (答复单) to print. Re-renders as sync brings updates.
 */
import { useEffect, useState } from 'react';
import { formatTrackingCode, type Question } from '@pls/shared/domain';
import { familyKey, textOfKey, type TranslationKey } from '@pls/shared/i18n';
import type { PrintDocumentSpec } from '@pls/shared/print';
import { Text, useLanguage, useT } from '@pls/shared/ui';
import { slipSpec } from '../printing/print-documents';
import { SlipPrintButton } from '../printing/slip-print-button';
import { useDeviceSettings, useRuntime, useStationName } from '../ui/runtime';
import { questionState, type QuestionState } from './leave-question';

function useQuestionState(question: Question): QuestionState {
  const { db } = useRuntime();
  const [state, setState] = useState<QuestionState>({ kind: 'waiting' });
  useEffect(() => {
    const collection = db.case_updates;
    if (!collection) return;
    const subscription = collection
      .find({ selector: { caseId: question.id } })
      .$.subscribe((docs) => setState(questionState(docs.map((d) => d.toMutableJSON()))));
    return () => subscription.unsubscribe();
  }, [db, question.id]);
  return state;
}

function chinaDay(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
}

export function QuestionThread({ question }: { question: Question }) {
  const state = useQuestionState(question);
  const { language } = useLanguage();
  const { i18n } = useT();
  const settings = useDeviceSettings();
  const station = useStationName().name;
  const code = formatTrackingCode(question.trackingCode);
  const slipLanguage = question.language;
  const answerSlip = (): PrintDocumentSpec | undefined => {
    if (state.kind !== 'answered') return undefined;
    // The slip is in the question's language, whatever the screen shows now.
    const t = (key: TranslationKey) => textOfKey(i18n, key, slipLanguage);
    return slipSpec(
      {
        language: slipLanguage,
        title: t('services:question.slip.title'),
        trackingCode: question.trackingCode,
        stationName: station,
        issuedAt: state.answer.at,
        sections: [
          {
            heading: t('services:question.slip.asked'),
            lines: [
              {
                label: t('services:question.topic'),
                text: t(familyKey('domain:caseCategory', question.category)),
              },
              { text: question.text },
            ],
          },
          {
            heading: t('services:question.slip.answer'),
            lines: [
              { text: state.answer.text },
              ...(state.answer.staffName
                ? [{ label: t('services:question.slip.by'), text: state.answer.staffName }]
                : []),
              { label: t('services:question.slip.on'), text: chinaDay(state.answer.at) },
            ],
          },
        ],
      },
      settings.printers,
    );
  };
  const receipt = (): PrintDocumentSpec | undefined =>
    settings.printers.receiptWidth === 'none'
      ? undefined
      : {
          kind: 'receipt',
          paper: settings.printers.receiptWidth,
          receipt: {
            service: 'question',
            trackingCode: question.trackingCode,
            language: question.language,
            stationName: station,
            issuedAt: question.submittedAt,
          },
        };
  return (
    <article
      className="k-svc__card k-question"
      data-testid="question-thread"
      data-state={state.kind}
    >
      <Text as="h3" k="services:question.codeTitle" />
      <p className="k-question__code" data-testid="question-code" lang="zh-Hans">
        {code}
      </p>
      <Text as="p" k="services:question.codeHint" />
      {state.kind === 'waiting' ? <Text as="p" k="services:question.waiting" /> : null}
      {state.kind === 'received' ? <Text as="p" k="services:question.received" /> : null}
      {state.kind === 'answered' ? (
        <div className="k-question__answer" data-testid="question-answer">
          <Text as="h3" k="services:question.answerTitle" />
          <Text as="p" lang={state.answer.language} className="k-question__text">
            {state.answer.text}
          </Text>
          {state.answer.staffName ? (
            <Text
              as="p"
              k="services:question.answeredBy"
              values={{ name: state.answer.staffName }}
            />
          ) : null}
          {state.answer.language !== language ? (
            <Text as="p" k="services:question.otherLanguage" />
          ) : null}
          <SlipPrintButton
            label="services:question.printAnswer"
            className="k-act--print-answer"
            spec={answerSlip}
          />
        </div>
      ) : (
        <SlipPrintButton
          label="services:question.printReceipt"
          className="k-act--print-question-receipt"
          spec={receipt}
        />
      )}
    </article>
  );
}
