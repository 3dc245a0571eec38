import { describe, expect, it } from 'vitest';
import { splitScriptRuns } from './script-runs';

describe('splitScriptRuns', () => {
  it('keeps NNBSP and FVS inside the Mongolian run and splits Han, digits and the rest', () => {
    expect(splitScriptRuns('ᠮᠣᠩᠭᠣᠯ\u202Fᠤᠨ ᠬᠣᠲᠠ: 呼和浩特，12 号')).toEqual([
      { kind: 'mongolian', text: 'ᠮᠣᠩᠭᠣᠯ\u202Fᠤᠨ' },
      { kind: 'other', text: ' ' },
      { kind: 'mongolian', text: 'ᠬᠣᠲᠠ' },
      { kind: 'other', text: ': ' },
      { kind: 'han', text: '呼和浩特，' },
      { kind: 'digits', text: '12' },
      { kind: 'other', text: ' ' },
      { kind: 'han', text: '号' },
    ]);
  });

  it('keeps a number with its separators in one run', () => {
    expect(splitScriptRuns('12,800.50 ᠶᠤᠸᠠᠨ 0471-6912348').map((r) => r.text)).toEqual([
      '12,800.50',
      ' ',
      'ᠶᠤᠸᠠᠨ',
      ' ',
      '0471-6912348',
    ]);
  });
});
