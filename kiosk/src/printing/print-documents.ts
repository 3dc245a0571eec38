/**
 * Printing the receipt (80/58 mm roll) and the A4 application form through the bridge. The
 * host renders, lays out and prints (kiosk/host/print); here: which document,
 * which printer from device_config, and what the resident and staff are told when it did not
 * print. A printer out of paper is an outcome, not an exception: the tracking code is on the
 * screen, and staff can reprint from staff mode.
 */
import type { Application, DeviceConfig, LocalizedText } from '@pls/shared/domain';
import type { PrintDocumentSpec, SlipContent } from '@pls/shared/print';
import {
  describeBridgeError,
  type HostUnavailable,
  type KioskApi,
  type PrinterStatus,
  type PrintError,
} from '@pls/shared/protocol';

export type PrinterSettings = DeviceConfig['printers'];

export type PrintOutcome =
  | { readonly kind: 'printed'; readonly printer: string }
  | { readonly kind: 'disabled' }
  | { readonly kind: 'notReady'; readonly status: PrinterStatus }
  | { readonly kind: 'failed'; readonly detail: string };

export function receiptSpec(
  application: Application,
  stationName: LocalizedText,
  settings: PrinterSettings,
): PrintDocumentSpec | undefined {
  if (settings.receiptWidth === 'none') return undefined;
  return {
    kind: 'receipt',
    paper: settings.receiptWidth,
    receipt: {
      service: 'legalAid',
      trackingCode: application.trackingCode,
      language: application.language,
      stationName,
      issuedAt: application.submittedAt,
    },
  };
}

/** The A4 form needs the applicant's data: none after the retention purge. */
export function formSpec(
  application: Application,
  stationName: LocalizedText,
  settings: PrinterSettings,
): PrintDocumentSpec | undefined {
  if (!settings.a4Enabled || application.applicant === undefined) return undefined;
  return { kind: 'legalAidForm', application, stationName };
}

/**
 * A slip on the station's receipt roll, or on A4 when asked for (a document template) or when
 * the station has no roll printer; none when the station prints neither.
 */
export function slipSpec(
  content: Omit<SlipContent, 'paper'>,
  settings: PrinterSettings,
  want: 'roll' | 'A4' = 'roll',
): PrintDocumentSpec | undefined {
  const roll = settings.receiptWidth === 'none' ? undefined : settings.receiptWidth;
  const paper = want === 'roll' && roll ? roll : settings.a4Enabled ? 'A4' : roll;
  if (paper === undefined) return undefined;
  return { kind: 'slip', slip: { ...content, paper } };
}

function outcomeOf(error: PrintError | HostUnavailable): PrintOutcome {
  switch (error.kind) {
    // The agent link is down or the host failed: the same for the resident as a jammed printer.
    case 'hostUnavailable':
      return { kind: 'failed', detail: describeBridgeError(error) };
    case 'printerNotReady':
      return { kind: 'notReady', status: error.status };
    case 'printFailed':
      return { kind: 'failed', detail: `${error.printer}: ${error.reason}` };
    case 'renderFailed':
      return { kind: 'failed', detail: error.message };
  }
}

export async function printSpec(
  print: KioskApi['print'],
  spec: PrintDocumentSpec | undefined,
  settings: PrinterSettings,
): Promise<PrintOutcome> {
  if (spec === undefined) return { kind: 'disabled' };
  const onRoll = spec.kind === 'receipt' || (spec.kind === 'slip' && spec.slip.paper !== 'A4');
  const printerName = onRoll ? settings.receiptPrinterName : settings.a4PrinterName;
  const result = await print.printDocument({
    document: spec,
    copies: 1,
    ...(printerName ? { printerName } : {}),
  });
  return result.ok ? { kind: 'printed', printer: result.value.printer } : outcomeOf(result.error);
}
