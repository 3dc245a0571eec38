import { describe, expect, it } from 'vitest';
import { textHash } from '../i18n/text-hash';
import { voiceCoverage } from './coverage';

const texts = {
  'zh-Hans': new Map([
    ['common:a', '首页'],
    ['common:b', '呼叫工作人员'],
  ]),
  'mn-Mong': new Map([
    ['common:a', 'ᠲᠡᠷᠢᠭᠦᠨ ᠨᠢᠭᠤᠷ'],
    ['common:b', 'ᠠᠵᠢᠯᠲᠠᠨ ᠢ ᠳᠠᠭᠤᠳᠠᠬᠤ'],
  ]),
};

describe('voiceCoverage', () => {
  it('counts current, generated, stale and missing clips per language', () => {
    const report = voiceCoverage({
      manifest: {
        version: 1,
        clips: [
          {
            key: 'common:a',
            lang: 'zh-Hans',
            file: 'zh/a.ogg',
            textHash: textHash('首页'),
            duration: 1,
            source: 'tts',
          },
          {
            key: 'common:b',
            lang: 'zh-Hans',
            file: 'zh/b.ogg',
            textHash: textHash('呼叫'),
            duration: 1,
            source: 'recorded',
          },
          {
            key: 'common:a',
            lang: 'mn-Mong',
            file: 'mn/a.ogg',
            textHash: textHash('ᠲᠡᠷᠢᠭᠦᠨ ᠨᠢᠭᠤᠷ'),
            duration: 1,
            source: 'recorded',
          },
          {
            key: 'common:gone',
            lang: 'zh-Hans',
            file: 'zh/gone.ogg',
            textHash: textHash('x'),
            duration: 1,
            source: 'recorded',
          },
        ],
      },
      voiceKeys: ['common:a', 'common:b'],
      texts,
      fileExists: (file) => file !== 'mn/a.ogg',
    });
    expect(report.rows).toEqual([
      {
        language: 'zh-Hans',
        needed: 2,
        current: 1,
        recorded: 0,
        generated: 1,
        stale: 1,
        missing: 0,
        percent: 50,
      },
      {
        language: 'mn-Mong',
        needed: 2,
        current: 0,
        recorded: 0,
        generated: 0,
        stale: 0,
        missing: 2,
        percent: 0,
      },
    ]);
    expect(report.stale.map((c) => c.key)).toEqual(['common:b']);
    expect(report.missing).toEqual([
      { key: 'common:a', lang: 'mn-Mong' },
      { key: 'common:b', lang: 'mn-Mong' },
    ]);
    expect(report.missingFiles.map((c) => c.file)).toEqual(['mn/a.ogg']);
    expect(report.orphans.map((c) => c.key)).toEqual(['common:gone']);
  });
});
