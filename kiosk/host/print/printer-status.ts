/**
 * Printer state from what the platform reports. On Linux both Electron (Chromium's CUPS backend
 * puts `printer-state` and `printer-state-reasons` into PrinterInfo.options) and `lpstat` expose
 * the IPP state and state reasons; this maps them onto our status union. Windows reports
 * nothing useful through Chromium, hence `unknown`.
 */
import type { PrinterStatus } from '@pls/shared/protocol';

/** IPP printer-state: 3 idle, 4 processing, 5 stopped. */
export type IppState = 'idle' | 'processing' | 'stopped';

export interface CupsPrinterState {
  readonly state: IppState;
  /** printer-state-reasons keywords, e.g. `media-empty-error`, `none`. */
  readonly reasons: readonly string[];
}

function has(reasons: readonly string[], ...keywords: string[]): boolean {
  // Keywords may carry an -error, -warning or -report suffix (RFC 8011 §5.4.12).
  return reasons.some((r) => keywords.some((k) => r === k || r.startsWith(`${k}-`)));
}

function statusFromCups(printer: string, { state, reasons }: CupsPrinterState): PrinterStatus {
  const real = reasons.filter((r) => r !== 'none' && r !== '');
  const errors = real.filter((r) => !r.endsWith('-warning') && !r.endsWith('-report'));
  if (has(errors, 'media-empty', 'media-needed')) return { kind: 'noPaper', printer };
  if (has(errors, 'media-jam')) return { kind: 'paperJam', printer };
  if (has(errors, 'cover-open', 'door-open', 'interlock-open'))
    return { kind: 'coverOpen', printer };
  if (has(real, 'offline', 'connecting-to-device', 'shutdown', 'timed-out')) {
    return { kind: 'disconnected', printer };
  }
  if (has(real, 'paused') || (state === 'stopped' && errors.length === 0)) {
    return { kind: 'paused', printer };
  }
  const paperLow = has(real, 'media-low');
  const blocking = errors.filter((r) => !r.startsWith('media-low'));
  if (state === 'stopped' || blocking.length > 0) return { kind: 'error', printer, reasons: real };
  return state === 'processing'
    ? { kind: 'busy', printer, paperLow }
    : { kind: 'ready', printer, paperLow };
}

const IPP_STATES: Readonly<Record<string, IppState>> = {
  '3': 'idle',
  '4': 'processing',
  '5': 'stopped',
};

/** From Electron's PrinterInfo.options (Linux/macOS); `unknown` where they are absent. */
export function statusFromPrinterOptions(
  printer: string,
  options: Readonly<Record<string, string>>,
): PrinterStatus {
  const state = IPP_STATES[options['printer-state'] ?? ''];
  if (state === undefined) {
    return { kind: 'unknown', printer, detail: 'the platform does not report printer state' };
  }
  const reasons = (options['printer-state-reasons'] ?? 'none').split(',').map((r) => r.trim());
  return statusFromCups(printer, { state, reasons });
}

/**
 * `lpstat -l -p <queue>` output. The first line gives the state ("is idle", "now printing",
 * "disabled"), the `Alerts:` line the state reasons.
 */
export function parseLpstat(printer: string, output: string): PrinterStatus {
  const first = output.split('\n').find((line) => line.startsWith(`printer ${printer} `));
  if (first === undefined) return { kind: 'disconnected', printer };
  const state: IppState = /\bdisabled\b/.test(first)
    ? 'stopped'
    : /\bnow printing\b/.test(first)
      ? 'processing'
      : 'idle';
  const alerts = /^\s*Alerts:\s*(.*)$/m.exec(output)?.[1]?.trim() ?? 'none';
  const reasons = alerts === '' ? ['none'] : alerts.split(/[\s,]+/);
  return statusFromCups(printer, { state, reasons });
}

/** Whether a print job should be sent at all in this state. */
export function canPrint(status: PrinterStatus): boolean {
  return status.kind === 'ready' || status.kind === 'busy' || status.kind === 'unknown';
}
