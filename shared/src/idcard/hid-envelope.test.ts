import { describe, expect, it } from 'vitest';
import { buildReadResponseFrame, SAMPLE_CARDS } from './card-builder';
import { encodeCommandFrame, FrameDecoder, toHex } from './frame-codec';
import {
  createMiaxisEnvelope,
  createRawEnvelope,
  decodeMiaxisOutReport,
  encodeMiaxisInReports,
  stripReportId,
  withReportId,
} from './hid-envelope';
import { DEFAULT_SAM_COMMANDS } from './sam-commands';

const find = encodeCommandFrame(DEFAULT_SAM_COMMANDS.findCard);

function decodeThrough(reports: Uint8Array[]) {
  const envelope = createMiaxisEnvelope().createDecoder();
  const frames = new FrameDecoder();
  const items = [];
  for (const report of reports) {
    const sam = envelope.push(report);
    if (!sam.ok) throw new Error(JSON.stringify(sam.error));
    items.push(...frames.push(sam.value));
  }
  return items;
}

describe('Miaxis envelope (docs/idcard-protocol.md §3)', () => {
  it('wraps find card exactly as the doc computes it', () => {
    const [report, ...rest] = createMiaxisEnvelope().encode(find);
    expect(rest).toHaveLength(0);
    expect(report).toHaveLength(64);
    expect(toHex(report!.subarray(0, 19))).toBe(
      '88 00 00 0B 00 B1 AA AA AA 96 69 00 03 20 01 22 FF 03 00',
    );
    expect(report!.subarray(18).every((b) => b === 0)).toBe(true);
    expect(decodeMiaxisOutReport(report!)).toEqual({ ok: true, value: find });
  });

  it.each([
    ['30 01', 'text', 1295, 24],
    ['30 10 (1024-byte fingerprint)', 'textFingerprint', 2321, 43],
  ] as const)('a %s reply takes ⌈frame/54⌉ IN reports and reassembles', (_, variant, size, n) => {
    const card = { ...SAMPLE_CARDS.resident, fingerprintLength: 1024 };
    const frame = buildReadResponseFrame(card, variant);
    expect(frame).toHaveLength(size);
    const reports = encodeMiaxisInReports(frame);
    expect(reports).toHaveLength(n);
    expect(reports.every((r) => r.length === 64)).toBe(true);
    // The SAM LEN sits at payload bytes 7–8 of the first report (MX reads it there).
    expect([reports[0]![6 + 7], reports[0]![6 + 8]]).toEqual([frame[5], frame[6]]);
    const items = decodeThrough(reports);
    expect(items).toHaveLength(1);
    expect(items[0]!.type === 'frame' && items[0]!.response.frameSize).toBe(size);
  });

  it('rejects a report with a corrupt SUM16, a wrong marker or an impossible LEN', () => {
    const decoder = createMiaxisEnvelope().createDecoder();
    const [report] = encodeMiaxisInReports(new Uint8Array([0xaa, 0xaa, 0xaa, 0x96, 0x69]));
    const corrupt = report!.slice();
    corrupt[8] = (corrupt[8]! + 1) & 0xff;
    expect(decoder.push(corrupt)).toMatchObject({ ok: false, error: { kind: 'badSum' } });
    const marker = report!.slice();
    marker[0] = 0x88;
    expect(decoder.push(marker)).toMatchObject({ ok: false, error: { kind: 'badMarker' } });
    const len = report!.slice();
    len[3] = 0xff;
    expect(decoder.push(len)).toMatchObject({ ok: false, error: { kind: 'badLength' } });
    expect(decoder.push(new Uint8Array(3))).toMatchObject({ ok: false, error: { kind: 'short' } });
  });

  it('refuses a command that does not fit one OUT report (a bug, not input)', () => {
    expect(() => createMiaxisEnvelope().encode(new Uint8Array(57))).toThrow();
  });
});

describe('raw envelope', () => {
  it('cuts a frame into zero-padded reports; padding is skipped as noise', () => {
    const frame = buildReadResponseFrame(SAMPLE_CARDS['foreign-2023']);
    const raw = createRawEnvelope();
    const reports = raw.encode(frame);
    expect(reports).toHaveLength(Math.ceil(frame.length / 64));
    const decoder = raw.createDecoder();
    const frames = new FrameDecoder();
    const items = reports.flatMap((r) => {
      const sam = decoder.push(r);
      return sam.ok ? frames.push(sam.value) : [];
    });
    expect(items).toHaveLength(1);
    expect(items[0]!.type).toBe('frame');
  });
});

describe('report IDs (hidapi contract)', () => {
  it('a write carries the report ID first: 65 bytes for an unnumbered 64-byte report', () => {
    const [report] = createMiaxisEnvelope().encode(find);
    const write = withReportId(report!, 0);
    expect(write).toHaveLength(65);
    expect(write[0]).toBe(0);
    expect(Array.from(write.subarray(1))).toEqual(Array.from(report!));
  });

  it('reads keep the data for unnumbered reports and strip a numbered report ID', () => {
    const data = new Uint8Array([2, 0xaa, 0xbb]);
    expect(stripReportId(data, 0)).toEqual({ ok: true, value: data });
    expect(stripReportId(data, 2)).toEqual({ ok: true, value: new Uint8Array([0xaa, 0xbb]) });
    expect(stripReportId(data, 3)).toEqual({
      ok: false,
      error: { kind: 'badReportId', expected: 3, actual: 2 },
    });
  });
});
