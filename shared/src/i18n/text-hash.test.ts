import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex, textHash } from './text-hash';

describe('sha256Hex', () => {
  it('matches node:crypto on lengths around the block boundaries', () => {
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000]) {
      const bytes = new Uint8Array(length).map((_, i) => (i * 31 + 7) % 256);
      expect(sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });

  it('hashes text as NFC UTF-8', () => {
    const composed = 'ü';
    const decomposed = 'u\u0308';
    expect(textHash(decomposed)).toBe(textHash(composed));
    expect(textHash('ᠮᠣᠩᠭᠣᠯ')).toBe(createHash('sha256').update('ᠮᠣᠩᠭᠣᠯ', 'utf8').digest('hex'));
  });
});
