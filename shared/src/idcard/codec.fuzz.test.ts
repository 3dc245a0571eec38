/**
 * Fuzzing: whatever bytes a reader, a cable or a capture file produces, the decoders return a
 * value or a typed error. They never throw and never loop forever (each property runs with a
 * test timeout, and every input is finite).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReadResponseFrame, encodeCardText, SAMPLE_CARDS } from './card-builder';
import { CARD_TEXT_SIZE, CARD_TYPE_MARKER_OFFSET } from './card-layouts';
import { decodeCardText } from './card-text';
import { decodeCapture } from './decode-capture';
import { encodeResponseFrame, FrameDecoder, MAX_FRAME_LEN } from './frame-codec';
import { createMiaxisEnvelope, encodeMiaxisInReports } from './hid-envelope';
import { KNOWN_SAM_STATUS_CODES } from './sam-status';
import type { CardType } from './types';

const FRAME_ERRORS = ['badChecksum', 'badLength', 'badStatusWord', 'truncated', 'noPreamble'];
const CAPTURE_ERRORS = ['frame', 'status', 'card', 'envelope'];
const CARD_ERRORS = ['textLength', 'unknownCardType', 'invalidField', 'layout'];
const CARD_TYPES = Object.keys(SAMPLE_CARDS) as CardType[];

const validFrames: Uint8Array[] = [
  ...CARD_TYPES.map((t) => buildReadResponseFrame(SAMPLE_CARDS[t])),
  buildReadResponseFrame({ ...SAMPLE_CARDS.resident, fingerprintLength: 512 }, 'textFingerprint'),
  ...KNOWN_SAM_STATUS_CODES.map((sw3) => encodeResponseFrame(sw3)),
  encodeResponseFrame(0x9f, new Uint8Array(4)),
  encodeResponseFrame(0x90, new Uint8Array(8)),
];

/** A valid frame with random damage: flips, overwrites, cuts, insertions. */
const mutatedFrame = fc
  .tuple(
    fc.constantFrom(...validFrames),
    fc.array(
      fc.oneof(
        fc.record({
          op: fc.constant('flip' as const),
          at: fc.nat(),
          bit: fc.integer({ min: 0, max: 7 }),
        }),
        fc.record({
          op: fc.constant('set' as const),
          at: fc.nat(),
          value: fc.integer({ min: 0, max: 255 }),
        }),
        fc.record({ op: fc.constant('cut' as const), at: fc.nat() }),
        fc.record({
          op: fc.constant('insert' as const),
          at: fc.nat(),
          value: fc.uint8Array({ maxLength: 8 }),
        }),
      ),
      { minLength: 1, maxLength: 4 },
    ),
  )
  .map(([frame, mutations]) => {
    let bytes = frame.slice();
    for (const m of mutations) {
      const at = bytes.length === 0 ? 0 : m.at % bytes.length;
      if (m.op === 'flip') bytes[at] = (bytes[at] ?? 0) ^ (1 << m.bit);
      else if (m.op === 'set') bytes[at] = m.value;
      else if (m.op === 'cut') bytes = bytes.slice(0, at);
      else bytes = new Uint8Array([...bytes.subarray(0, at), ...m.value, ...bytes.subarray(at)]);
    }
    return bytes;
  });

function splits(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const parts: Uint8Array[] = [];
  let from = 0;
  for (const p of points) {
    parts.push(bytes.subarray(from, p));
    from = p;
  }
  parts.push(bytes.subarray(from));
  return parts;
}

describe('fuzz: frame decoder', () => {
  it('random bytes in random pieces: only frames or typed errors, bounded buffer', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 3000 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (bytes, cuts) => {
          const decoder = new FrameDecoder();
          for (const part of splits(bytes, cuts)) {
            for (const item of decoder.push(part)) {
              if (item.type === 'error') expect(FRAME_ERRORS).toContain(item.error.kind);
              else expect(item.response.frameSize).toBeGreaterThanOrEqual(11);
            }
            expect(decoder.buffered).toBeLessThanOrEqual(MAX_FRAME_LEN + 7);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('valid frames with preamble-free noise between them decode the same in any split', () => {
    const noise = fc
      .uint8Array({ maxLength: 40 })
      .map((n) => n.map((b) => (b === 0xaa ? 0x55 : b)));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(noise, fc.constantFrom(...validFrames)), { minLength: 1, maxLength: 5 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        (pairs, cuts) => {
          const stream = new Uint8Array(pairs.flatMap(([n, f]) => [...n, ...f]));
          const decoder = new FrameDecoder();
          const items = splits(stream, cuts).flatMap((p) => decoder.push(p));
          expect(items.map((i) => (i.type === 'frame' ? i.response.frameSize : -1))).toEqual(
            pairs.map(([, f]) => f.length),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('fuzz: whole-capture decoding', () => {
  it('mutated frames decode to a value or a typed error', () => {
    fc.assert(
      fc.property(mutatedFrame, (bytes) => {
        const r = decodeCapture(bytes);
        if (!r.ok) expect(CAPTURE_ERRORS).toContain(r.error.kind);
        else
          expect(['card', 'cardFound', 'cardSelected', 'samId', 'success']).toContain(
            r.value.content.kind,
          );
      }),
      { numRuns: 500 },
    );
  });

  it('mutated HID report captures decode to a value or a typed error', () => {
    const reportsOf = validFrames.map(
      (f) => new Uint8Array(encodeMiaxisInReports(f).flatMap((r) => [...r])),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...reportsOf),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        (capture, at, xor) => {
          const damaged = capture.slice();
          damaged[at % damaged.length] = damaged[at % damaged.length]! ^ xor;
          const r = decodeCapture(damaged, { envelope: 'miaxis' });
          if (!r.ok) expect(CAPTURE_ERRORS).toContain(r.error.kind);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('random 64-byte reports never throw in the Miaxis decoder', () => {
    const decoder = createMiaxisEnvelope().createDecoder();
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 80 }), (report) => {
        const r = decoder.push(report);
        if (!r.ok) expect(['short', 'badMarker', 'badLength', 'badSum']).toContain(r.error.kind);
      }),
      { numRuns: 500 },
    );
  });
});

describe('fuzz: card text', () => {
  it('arbitrary text blocks with each marker decode or fail with a typed error', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: CARD_TEXT_SIZE, maxLength: CARD_TEXT_SIZE }),
        fc.constantFrom(0x20, 0x4a, 0x49, 0x59, 0x00, 0x41),
        (text, marker) => {
          text[CARD_TYPE_MARKER_OFFSET] = marker;
          text[CARD_TYPE_MARKER_OFFSET + 1] = 0;
          const r = decodeCardText(text);
          if (!r.ok) expect(CARD_ERRORS).toContain(r.error.kind);
          else expect(JSON.parse(JSON.stringify(r.value))).toHaveProperty('cardType');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('one damaged character in a real card never throws', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CARD_TYPES),
        fc.nat(CARD_TEXT_SIZE - 1),
        fc.integer({ min: 0, max: 255 }),
        (type, at, value) => {
          const text = encodeCardText(SAMPLE_CARDS[type]);
          text[at] = value;
          const r = decodeCardText(text);
          if (!r.ok) expect(CARD_ERRORS).toContain(r.error.kind);
        },
      ),
      { numRuns: 500 },
    );
  });
});
