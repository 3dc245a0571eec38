/**
 * How SAM frames travel in HID reports (docs/idcard-protocol.md §3).
 *
 * - `raw`: the SAM frame cut into report-sized pieces, zero-padded. Padding between frames is
 *   skipped by the frame decoder as noise before the next preamble.
 * - `miaxis`: the Miaxis/中正 MR-300 envelope (MX `IdCardDriver.java`), 64-byte reports:
 *     OUT  88 · SRN 00 00 · LEN(2, LE) = n+1 · B1 · SAM frame (n ≤ 56) · SUM16 LE · zero pad
 *     IN   AA · SRN(2) · LEN(2, LE) · result · payload (LEN−1 bytes) · SUM16 LE
 *   SUM16 covers bytes 3…end of payload. Each IN payload is a 2-byte packet sequence number and
 *   up to 54 bytes of the SAM response; the reader streams ⌈frame/54⌉ reports per reply.
 *
 * Report IDs are a hidapi matter: a write always starts with the report ID (0x00 for devices
 * without numbered reports, so a 64-byte report is a 65-byte write), and reads include the ID
 * byte only for numbered reports.
 */
import { err, ok, type Result } from '../domain/result';

export type HidEnvelopeName = 'raw' | 'miaxis';
export const HID_ENVELOPES: readonly HidEnvelopeName[] = ['raw', 'miaxis'];

export type EnvelopeError =
  | { readonly kind: 'short'; readonly length: number }
  | { readonly kind: 'badMarker'; readonly marker: number }
  | { readonly kind: 'badLength'; readonly length: number }
  | { readonly kind: 'badSum'; readonly expected: number; readonly actual: number }
  | { readonly kind: 'badReportId'; readonly expected: number; readonly actual: number };

export interface HidEnvelopeDecoder {
  /** One IN report (report ID already removed) → the SAM bytes it carries. */
  push(report: Uint8Array): Result<Uint8Array, EnvelopeError>;
}

export interface HidEnvelopeCodec {
  readonly name: HidEnvelopeName;
  /** One SAM command frame → the OUT reports to write, each `reportSize` bytes, no report ID. */
  encode(frame: Uint8Array): Uint8Array[];
  createDecoder(): HidEnvelopeDecoder;
}

export const MIAXIS_OUT_MARKER = 0x88;
export const MIAXIS_IN_MARKER = 0xaa;
export const MIAXIS_IDCARD_COMMAND = 0xb1;
/** SAM bytes per OUT report: 64 − marker, SRN, LEN, command, SUM16. */
export const MIAXIS_MAX_OUT_FRAME = 56;
/** SAM bytes per IN report (MX `REVC_BUFFER_SIZE_MIN`). */
export const MIAXIS_IN_CHUNK = 54;

function sum16(bytes: Uint8Array, start: number, end: number): number {
  let sum = 0;
  for (let i = start; i < end; i++) sum = (sum + bytes[i]!) & 0xffff;
  return sum;
}

export function createRawEnvelope(reportSize = 64): HidEnvelopeCodec {
  return {
    name: 'raw',
    encode(frame) {
      const reports: Uint8Array[] = [];
      for (let offset = 0; offset < frame.length; offset += reportSize) {
        const report = new Uint8Array(reportSize);
        report.set(frame.subarray(offset, offset + reportSize));
        reports.push(report);
      }
      return reports;
    },
    createDecoder() {
      return { push: (report) => ok(report) };
    },
  };
}

/** Host side of the Miaxis envelope. */
export function createMiaxisEnvelope(reportSize = 64): HidEnvelopeCodec {
  return {
    name: 'miaxis',
    encode(frame) {
      return [encodeMiaxisReport(MIAXIS_OUT_MARKER, MIAXIS_IDCARD_COMMAND, frame, reportSize)];
    },
    createDecoder() {
      return {
        push(report) {
          const decoded = decodeMiaxisReport(report, MIAXIS_IN_MARKER);
          if (!decoded.ok) return decoded;
          // Payload = 2-byte packet sequence number + SAM bytes. MX never checks the sequence
          // or the result byte; a lost report shows up as a SAM checksum or length error.
          if (decoded.value.payload.length < 2) {
            return err({ kind: 'badLength', length: decoded.value.payload.length + 1 });
          }
          return ok(decoded.value.payload.subarray(2));
        },
      };
    },
  };
}

export function createHidEnvelope(name: HidEnvelopeName, reportSize = 64): HidEnvelopeCodec {
  return name === 'miaxis' ? createMiaxisEnvelope(reportSize) : createRawEnvelope(reportSize);
}

/** `marker · 00 00 · LEN(LE) = body+1 · head · body · SUM16 LE · zero pad`. */
function encodeMiaxisReport(
  marker: number,
  head: number,
  body: Uint8Array,
  reportSize: number,
): Uint8Array {
  if (body.length + 8 > reportSize) {
    throw new Error(`${body.length} bytes do not fit one ${reportSize}-byte Miaxis report`);
  }
  const report = new Uint8Array(reportSize);
  const len = body.length + 1;
  report[0] = marker;
  report[3] = len & 0xff;
  report[4] = len >> 8;
  report[5] = head;
  report.set(body, 6);
  const end = 6 + body.length;
  const sum = sum16(report, 3, end);
  report[end] = sum & 0xff;
  report[end + 1] = sum >> 8;
  return report;
}

function decodeMiaxisReport(
  report: Uint8Array,
  marker: number,
): Result<{ readonly head: number; readonly payload: Uint8Array }, EnvelopeError> {
  if (report.length < 8) return err({ kind: 'short', length: report.length });
  if (report[0] !== marker) return err({ kind: 'badMarker', marker: report[0]! });
  const len = report[3]! | (report[4]! << 8);
  if (len < 1 || 5 + len + 2 > report.length) return err({ kind: 'badLength', length: len });
  const end = 5 + len;
  const expected = sum16(report, 3, end);
  const actual = report[end]! | (report[end + 1]! << 8);
  if (expected !== actual) return err({ kind: 'badSum', expected, actual });
  return ok({ head: report[5]!, payload: report.subarray(6, end) });
}

/**
 * Reader side of the Miaxis envelope, for simulators and tests: one SAM response frame → the
 * IN reports a reader streams for it (result 00, sequence number counting from 0).
 */
export function encodeMiaxisInReports(frame: Uint8Array, reportSize = 64): Uint8Array[] {
  const reports: Uint8Array[] = [];
  for (let seq = 0, offset = 0; offset < frame.length; seq++, offset += MIAXIS_IN_CHUNK) {
    const chunk = frame.subarray(offset, offset + MIAXIS_IN_CHUNK);
    const body = new Uint8Array(2 + chunk.length);
    body[0] = seq & 0xff;
    body[1] = seq >> 8;
    body.set(chunk, 2);
    reports.push(encodeMiaxisReport(MIAXIS_IN_MARKER, 0x00, body, reportSize));
  }
  return reports;
}

/** Reader side: one OUT report → the SAM command frame it carries. */
export function decodeMiaxisOutReport(report: Uint8Array): Result<Uint8Array, EnvelopeError> {
  const decoded = decodeMiaxisReport(report, MIAXIS_OUT_MARKER);
  if (!decoded.ok) return decoded;
  if (decoded.value.head !== MIAXIS_IDCARD_COMMAND) {
    return err({ kind: 'badMarker', marker: decoded.value.head });
  }
  return ok(decoded.value.payload);
}

/** The bytes to hand to hidapi's write: report ID first (0x00 for unnumbered reports). */
export function withReportId(report: Uint8Array, reportId: number): Uint8Array {
  const out = new Uint8Array(report.length + 1);
  out[0] = reportId;
  out.set(report, 1);
  return out;
}

/** hidapi returns the report ID as the first byte only for numbered reports (ID ≠ 0). */
export function stripReportId(
  data: Uint8Array,
  reportId: number,
): Result<Uint8Array, EnvelopeError> {
  if (reportId === 0) return ok(data);
  if (data.length === 0) return err({ kind: 'short', length: 0 });
  if (data[0] !== reportId)
    return err({ kind: 'badReportId', expected: reportId, actual: data[0]! });
  return ok(data.subarray(1));
}

export function describeEnvelopeError(error: EnvelopeError): string {
  switch (error.kind) {
    case 'short':
      return `HID report too short (${error.length} bytes)`;
    case 'badMarker':
      return `unexpected envelope marker 0x${error.marker.toString(16)}`;
    case 'badLength':
      return `envelope length ${error.length} does not fit the report`;
    case 'badSum':
      return `envelope SUM16 0x${error.actual.toString(16)} ≠ computed 0x${error.expected.toString(16)}`;
    case 'badReportId':
      return `report ID ${error.actual} where ${error.expected} was expected`;
  }
}
