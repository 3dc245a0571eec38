/**
 * After submission: the tracking code, large and read aloud character by character; whether the
 * receipt printed; and, live, whether the center has the application yet. "Received by the
 * center" appears only when the center's receipt (a 'received' case update) has come back
 * through sync, never because a push merely succeeded.
 */
import { useContext, useEffect, useState } from 'react';
import { formatTrackingCode, type Application } from '@pls/shared/domain';
import { formatDateTime } from '@pls/shared/i18n';
import { BigButton, Icon, Text, useLanguage } from '@pls/shared/ui';
import { useVoice } from '@pls/shared/voice';
import { watchReceivedAt } from '../cases/case-store';
import type { PrintOutcome } from '../printing/print-documents';
import { useRuntime } from '../ui/runtime';
import { spellKeys } from '../ui/spell';
import { StepLayout, StepVisibleContext } from '../ui/step-frame';
import { PrintOutcomeNotice, printMessage } from './print-outcome';

export interface DoneStepProps {
  readonly application: Application;
  readonly receipt: PrintOutcome | 'printing';
  readonly form: PrintOutcome | 'printing' | undefined;
  readonly formAvailable: boolean;
  readonly onPrintForm: () => void;
  readonly onHome: () => void;
}

/** When the center received a case, as its receipt arrives (undefined until then). */
function useReceivedAt(caseId: string): string | undefined {
  const { db } = useRuntime();
  const [receivedAt, setReceivedAt] = useState<string | undefined>(undefined);
  useEffect(() => {
    const subscription = watchReceivedAt(db, caseId).subscribe(setReceivedAt);
    return () => subscription.unsubscribe();
  }, [db, caseId]);
  return receivedAt;
}

export function DoneStep({
  application,
  receipt,
  form,
  formAvailable,
  onPrintForm,
  onHome,
}: DoneStepProps) {
  const voice = useVoice();
  const { language } = useLanguage();
  const centerReceipt = useReceivedAt(application.id);
  const code = application.trackingCode;
  const [wroteDown, setWroteDown] = useState(false);
  const receiptPrinted = receipt !== 'printing' && receipt.kind === 'printed';
  const haveCode = receiptPrinted || wroteDown;

  // Once the receipt is out (or could not be printed): the code, then where the receipt is.
  const receiptSettled = receipt !== 'printing';
  const receiptMessage = printMessage(receipt, 'receipt');
  const visible = useContext(StepVisibleContext);
  useEffect(() => {
    if (!receiptSettled || !visible) return;
    void voice.speakSequence(['kiosk:done.spokenIntro', ...spellKeys(code), receiptMessage]);
  }, [voice, code, language, receiptSettled, receiptMessage, visible]);

  return (
    <StepLayout
      testId="step-done"
      labelledBy="done-title"
      className="k-done"
      actions={
        <>
          {/*
            Where Submit was, a harmless control: a second tap of a double tap on Submit only
            repeats the code. Finishing waits until the resident has the code (the receipt
            printed, or they say they wrote it down), so the code cannot be skipped by accident.
          */}
          <BigButton
            label="kiosk:done.repeatCode"
            className="k-act--repeat-code"
            icon="speaker"
            variant="secondary"
            onPress={() => void voice.speakSequence(['kiosk:done.spokenIntro', ...spellKeys(code)])}
          />
          <BigButton
            label="kiosk:done.finish"
            className="k-act--finish"
            icon="home"
            disabled={!haveCode}
            onPress={onHome}
          />
          {formAvailable ? (
            <BigButton
              label="kiosk:done.printForm"
              className="k-act--print-form"
              variant="secondary"
              onPress={onPrintForm}
              disabled={form === 'printing'}
            />
          ) : null}
        </>
      }
    >
      <div className="k-step__head">
        <Text as="h2" k="kiosk:done.title" id="done-title" className="k-step__title" />
        <Text as="p" k="kiosk:done.codeLabel" />
        <output
          className="k-done__code"
          data-testid="tracking-code"
          aria-label={formatTrackingCode(code)}
        >
          {formatTrackingCode(code)}
        </output>
        {receiptPrinted ? null : (
          <BigButton
            label={wroteDown ? 'kiosk:done.codeWrittenDown' : 'kiosk:done.confirmCode'}
            className="k-act--have-code"
            {...(wroteDown ? { icon: 'check' as const } : {})}
            variant="secondary"
            pressed={wroteDown}
            onPress={() => setWroteDown(true)}
          />
        )}
      </div>
      <div className="k-step__body">
        <div
          className={`k-done__center k-done__center--${centerReceipt ? 'received' : 'waiting'}`}
          data-testid="center-status"
          data-status={centerReceipt ? 'received' : 'submitted'}
          role="status"
        >
          <Icon name={centerReceipt ? 'synced' : 'syncing'} />
          {centerReceipt ? (
            <Text
              k="kiosk:done.received"
              values={{ at: formatDateTime(centerReceipt, language) }}
            />
          ) : (
            <Text k="kiosk:done.waitingForCenter" />
          )}
        </div>
        <PrintOutcomeNotice outcome={receipt} document="receipt" speak={false} />
        {form !== undefined ? <PrintOutcomeNotice outcome={form} document="form" /> : null}
        <Text as="p" k="kiosk:done.nextSteps" className="k-done__next" />
      </div>
    </StepLayout>
  );
}
