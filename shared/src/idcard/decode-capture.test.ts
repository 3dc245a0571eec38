import { describe, expect, it } from 'vitest';
import { buildReadResponseFrame, SAMPLE_CARDS } from './card-builder';
import { decodeCapture } from './decode-capture';
import { encodeResponseFrame, parseHex } from './frame-codec';
import { encodeMiaxisInReports, withReportId } from './hid-envelope';
import { encodeSamId } from './sam-id';
import type { CardType } from './types';

const hex = (text: string) => {
  const r = parseHex(text);
  if (!r.ok) throw new Error('hex');
  return r.value;
};

describe('decodeCapture', () => {
  it.each(Object.keys(SAMPLE_CARDS) as CardType[])('a %s read reply → the card', (type) => {
    const r = decodeCapture(buildReadResponseFrame(SAMPLE_CARDS[type]));
    expect(r).toMatchObject({
      ok: true,
      value: { content: { kind: 'card', card: { cardType: type } } },
    });
  });

  it('the doc examples: card found, selected, no card, select/read failures', () => {
    expect(decodeCapture(hex('AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97'))).toMatchObject({
      ok: true,
      value: { content: { kind: 'cardFound' } },
    });
    expect(
      decodeCapture(hex('AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C')),
    ).toMatchObject({ ok: true, value: { content: { kind: 'cardSelected' } } });
    for (const [frame, key] of [
      ['AA AA AA 96 69 00 04 00 00 80 84', 'noCard'],
      ['AA AA AA 96 69 00 04 00 00 81 85', 'selectFailed'],
      ['AA AA AA 96 69 00 04 00 00 41 45', 'readFailed'],
    ] as const) {
      expect(decodeCapture(hex(frame))).toMatchObject({
        ok: false,
        error: { kind: 'status', status: { key } },
      });
    }
  });

  it('a SAM id reply is formatted like HSL', () => {
    const frame = encodeResponseFrame(
      0x90,
      encodeSamId({ major: 5, minor: 1, a: 20250101, b: 1234, c: 56789 }),
    );
    expect(frame[6]).toBe(0x14);
    expect(decodeCapture(frame)).toMatchObject({
      ok: true,
      value: { content: { kind: 'samId', samId: '05.01-20250101-000001234-000056789' } },
    });
  });

  it('noise before the preamble is skipped and counted', () => {
    const frame = buildReadResponseFrame(SAMPLE_CARDS.resident);
    const r = decodeCapture(new Uint8Array([0x00, 0x13, 0xaa, ...frame]));
    expect(r).toMatchObject({ ok: true, value: { noiseBefore: 3 } });
  });

  it('a truncated read reply and a corrupt one are typed errors', () => {
    const frame = buildReadResponseFrame(SAMPLE_CARDS.resident);
    expect(decodeCapture(frame.subarray(0, 700))).toEqual({
      ok: false,
      error: { kind: 'frame', error: { kind: 'truncated', expected: 1295, actual: 700 } },
    });
    const corrupt = frame.slice();
    corrupt[500] = corrupt[500]! ^ 0xff;
    expect(decodeCapture(corrupt)).toMatchObject({
      ok: false,
      error: { kind: 'frame', error: { kind: 'badChecksum' } },
    });
  });

  it('an unknown card type in a well-formed reply', () => {
    const frame = buildReadResponseFrame(SAMPLE_CARDS.resident);
    // Marker at text byte 248 = frame byte 14 + 248; fix the checksum afterwards.
    frame[14 + 248] = 0x5a;
    frame[frame.length - 1] = frame.subarray(5, frame.length - 1).reduce((a, b) => a ^ b, 0);
    expect(decodeCapture(frame)).toEqual({
      ok: false,
      error: { kind: 'card', error: { kind: 'unknownCardType', marker: 0x5a } },
    });
  });

  it('a capture of Miaxis HID reports, with and without report IDs', () => {
    const reports = encodeMiaxisInReports(buildReadResponseFrame(SAMPLE_CARDS['hmt-permit']));
    const plain = new Uint8Array(reports.flatMap((r) => Array.from(r)));
    expect(decodeCapture(plain, { envelope: 'miaxis' })).toMatchObject({
      ok: true,
      value: { content: { card: { cardType: 'hmt-permit' } } },
    });
    const numbered = new Uint8Array(reports.flatMap((r) => Array.from(withReportId(r, 1))));
    expect(decodeCapture(numbered, { envelope: 'miaxis', reportId: 1 })).toMatchObject({
      ok: true,
      value: { content: { card: { cardType: 'hmt-permit' } } },
    });
    const corrupt = plain.slice();
    corrupt[64 * 3 + 10] = corrupt[64 * 3 + 10]! ^ 1;
    expect(decodeCapture(corrupt, { envelope: 'miaxis' })).toMatchObject({
      ok: false,
      error: { kind: 'envelope', report: 3, error: { kind: 'badSum' } },
    });
  });
});
