/**
 * What happened to a print job, in words for the resident, or for staff when they reprint (a
 * resident is told to write the code down and ask staff; staff are told whether it printed and,
 * if not, to fix the printer and press again).
 */
import { useEffect } from 'react';
import type { TranslationKey } from '@pls/shared/i18n';
import type { PrinterStatus } from '@pls/shared/protocol';
import { Icon, Text } from '@pls/shared/ui';
import { useVoice } from '@pls/shared/voice';
import type { PrintOutcome } from '../printing/print-documents';

export const PRINTER_STATUS_MESSAGES: Readonly<Record<PrinterStatus['kind'], TranslationKey>> = {
  ready: 'kiosk:printer.status.ready',
  busy: 'kiosk:printer.status.busy',
  noPaper: 'kiosk:printer.status.noPaper',
  paperJam: 'kiosk:printer.status.paperJam',
  coverOpen: 'kiosk:printer.status.coverOpen',
  paused: 'kiosk:printer.status.paused',
  disconnected: 'kiosk:printer.status.disconnected',
  error: 'kiosk:printer.status.error',
  unknown: 'kiosk:printer.status.unknown',
  notConfigured: 'kiosk:printer.status.notConfigured',
};

export type PrintAudience = 'resident' | 'staff';

function staffPrintMessage(
  outcome: PrintOutcome | 'printing',
  document: 'receipt' | 'form',
): TranslationKey {
  if (outcome === 'printing') return 'kiosk:print.staff.reprinting';
  switch (outcome.kind) {
    case 'printed':
      return document === 'receipt'
        ? 'kiosk:print.staff.receiptReprinted'
        : 'kiosk:print.staff.formReprinted';
    case 'disabled':
      return 'kiosk:print.staff.disabled';
    case 'notReady':
    case 'failed':
      return 'kiosk:print.staff.notReprinted';
  }
}

export function printMessage(
  outcome: PrintOutcome | 'printing',
  document: 'receipt' | 'form',
  audience: PrintAudience = 'resident',
): TranslationKey {
  if (audience === 'staff') return staffPrintMessage(outcome, document);
  if (outcome === 'printing')
    return document === 'receipt' ? 'kiosk:print.receiptPrinting' : 'kiosk:print.formPrinting';
  switch (outcome.kind) {
    case 'printed':
      return document === 'receipt' ? 'kiosk:print.receiptPrinted' : 'kiosk:print.formPrinted';
    case 'disabled':
      return 'kiosk:print.disabled';
    case 'notReady':
    case 'failed':
      return document === 'receipt'
        ? 'kiosk:print.receiptNotPrinted'
        : 'kiosk:print.formNotPrinted';
  }
}

export function PrintOutcomeNotice({
  outcome,
  document,
  speak = true,
  audience = 'resident',
}: {
  outcome: PrintOutcome | 'printing';
  document: 'receipt' | 'form';
  audience?: PrintAudience;
  /** Off where the screen says the outcome itself as part of a longer prompt. */
  speak?: boolean;
}) {
  const voice = useVoice();
  const key = printMessage(outcome, document, audience);
  const failed =
    outcome !== 'printing' && (outcome.kind === 'notReady' || outcome.kind === 'failed');
  useEffect(() => {
    if (speak && outcome !== 'printing' && outcome.kind !== 'disabled') void voice.speak(key);
  }, [speak, outcome, key, voice]);
  return (
    <div
      className={`k-print${failed ? ' k-print--failed' : ''}`}
      data-testid={`print-${document}`}
      data-outcome={outcome === 'printing' ? 'printing' : outcome.kind}
      role="status"
    >
      <Icon name={failed ? 'syncError' : outcome === 'printing' ? 'syncing' : 'check'} />
      <Text k={key} />
      {outcome !== 'printing' && outcome.kind === 'notReady' ? (
        <Text k={PRINTER_STATUS_MESSAGES[outcome.status.kind]} className="k-print__reason" />
      ) : null}
    </div>
  );
}
