import { describe, expect, it } from 'vitest';
import {
  TRACKING_ALPHABET,
  TRACKING_CODE_LENGTH,
  createTrackingCodeGenerator,
  deviceTagFor,
  formatTrackingCode,
  parseTrackingCode,
  trackingCheckChar,
} from './tracking-code';

describe('tracking codes', () => {
  it('are unique across 100 devices making 1,000 codes each, even within the same second', () => {
    const seen = new Set<string>();
    const start = new Date('2026-11-23T08:00:00Z');
    for (let device = 0; device < 100; device++) {
      const generator = createTrackingCodeGenerator(deviceTagFor(device));
      for (let i = 0; i < 1000; i++) {
        // Ten codes per second: the sequence runs ahead of the clock and must stay unique.
        const { code } = generator.next(new Date(start.getTime() + Math.floor(i / 10) * 1000));
        seen.add(code);
      }
    }
    expect(seen.size).toBe(100_000);
  });

  it('stay unique when a device lost its counter but the clock moved on', () => {
    const tag = deviceTagFor(42);
    const before = createTrackingCodeGenerator(tag).next(new Date('2026-11-23T08:00:00Z'));
    // Database wiped: the generator starts from 0 again, a minute later.
    const after = createTrackingCodeGenerator(tag).next(new Date('2026-11-23T08:01:00Z'));
    expect(after.sequence).toBeGreaterThan(before.sequence);
    expect(after.code).not.toBe(before.code);
  });

  it('are at most 12 characters and avoid 0/O, 1/I and U/V look-alikes', () => {
    const { code } = createTrackingCodeGenerator(deviceTagFor(7)).next();
    expect(code.length).toBe(TRACKING_CODE_LENGTH);
    expect(code.length).toBeLessThanOrEqual(12);
    expect(TRACKING_ALPHABET).not.toMatch(/[01IOU]/);
    expect(parseTrackingCode(code)).toEqual({ ok: true, value: code });
  });

  it('detect every single-character substitution', () => {
    const generator = createTrackingCodeGenerator(deviceTagFor(3));
    for (let n = 0; n < 20; n++) {
      const { code } = generator.next();
      for (let position = 0; position < code.length; position++) {
        for (const char of TRACKING_ALPHABET) {
          if (char === code[position]) continue;
          const mutated = code.slice(0, position) + char + code.slice(position + 1);
          expect(parseTrackingCode(mutated), mutated).toEqual({
            ok: false,
            error: { kind: 'checksum' },
          });
        }
      }
    }
  });

  it('detect every swap of two neighbouring characters', () => {
    const generator = createTrackingCodeGenerator(deviceTagFor(11));
    let swapsChecked = 0;
    for (let n = 0; n < 200; n++) {
      const { code } = generator.next();
      for (let position = 0; position < code.length - 1; position++) {
        if (code[position] === code[position + 1]) continue;
        const swapped =
          code.slice(0, position) + code[position + 1] + code[position] + code.slice(position + 2);
        expect(parseTrackingCode(swapped).ok, swapped).toBe(false);
        swapsChecked++;
      }
    }
    expect(swapsChecked).toBeGreaterThan(1000);
  });

  it('detect substitutions and swaps exhaustively for every payload value at each position', () => {
    // Not just sampled codes: every (position, value) pair of a fixed payload.
    const base = '23456789AB';
    for (let position = 0; position < 10; position++) {
      for (const a of TRACKING_ALPHABET) {
        const payload = base.slice(0, position) + a + base.slice(position + 1);
        const code = payload + trackingCheckChar(payload);
        expect(parseTrackingCode(code).ok).toBe(true);
        if (position < 10) {
          const next = code[position + 1]!;
          if (next !== a) {
            const swapped = code.slice(0, position) + next + a + code.slice(position + 2);
            expect(parseTrackingCode(swapped).ok).toBe(false);
          }
        }
      }
    }
  });

  it('accept what people type: lower case, spaces and hyphens', () => {
    const { code } = createTrackingCodeGenerator(deviceTagFor(5)).next();
    const typed = formatTrackingCode(code).toLowerCase().replace('-', ' ');
    expect(parseTrackingCode(typed)).toEqual({ ok: true, value: code });
  });

  it('explain what is wrong with a typed code', () => {
    expect(parseTrackingCode('')).toEqual({ ok: false, error: { kind: 'empty' } });
    expect(parseTrackingCode('ABC0O1')).toEqual({
      ok: false,
      error: { kind: 'characters', invalid: '0O1' },
    });
    expect(parseTrackingCode('ABCDEF')).toEqual({
      ok: false,
      error: { kind: 'length', length: 6 },
    });
  });

  it('give distinct device tags to the first 10,000 devices', () => {
    const tags = new Set(Array.from({ length: 10_000 }, (_, i) => deviceTagFor(i)));
    expect(tags.size).toBe(10_000);
  });
});
