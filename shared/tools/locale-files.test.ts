import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES_DIR, formatMetaJson } from './locale-files';

describe('formatMetaJson', () => {
  it('writes short string arrays on one line, as the format check expects', () => {
    expect(formatMetaJson({ a: { mn: 'draft', mnAllow: ['呼和浩特', '12348'] } })).toBe(
      '{\n  "a": {\n    "mn": "draft",\n    "mnAllow": ["呼和浩特", "12348"]\n  }\n}\n',
    );
  });

  it('leaves every meta file of locales/ exactly as it is stored', () => {
    const dir = join(LOCALES_DIR, 'meta');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const text = readFileSync(join(dir, file), 'utf8');
      expect(formatMetaJson(JSON.parse(text)), file).toBe(text);
    }
  });
});
