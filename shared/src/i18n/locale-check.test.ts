import { describe, expect, it } from 'vitest';
import {
  checkLocales,
  checkMongolianValue,
  scanKeyUsage,
  type LocaleCheckInput,
} from './locale-check';
import { textHash } from './text-hash';

const NNBSP = '\u202F';
const home = 'ᠲᠡᠷᠢᠭᠦᠨ ᠨᠢᠭᠤᠷ';

function input(overrides: Partial<LocaleCheckInput> = {}): LocaleCheckInput {
  return {
    messages: {
      'zh-Hans': { app: { nav: { home: '首页' }, greet: '你好 {{name}}' } },
      'mn-Mong': { app: { nav: { home }, greet: 'ᠰᠠᠶᠢᠨ {{name}}' } },
    },
    meta: { app: { 'nav.home': { mn: 'draft' }, greet: { mn: 'draft' } } },
    sources: [{ path: 'a.tsx', text: "t('app:nav.home'); t('app:greet', { name })" }],
    families: {},
    wholeNamespaces: {},
    ...overrides,
  };
}

const kinds = (i: LocaleCheckInput) => checkLocales(i).map((p) => `${p.kind} ${p.where}`);

describe('checkLocales', () => {
  it('accepts a consistent set', () => {
    expect(kinds(input())).toEqual([]);
  });

  it('finds a key missing in Mongolian and one missing in Chinese', () => {
    const i = input();
    const messages = {
      'zh-Hans': { app: { nav: { home: '首页' }, greet: '你好 {{name}}', only: '只有中文' } },
      'mn-Mong': { app: { nav: { home }, greet: 'ᠰᠠᠶᠢᠨ {{name}}', extra: 'ᠨᠡᠮᠡᠯᠲᠡ' } },
    };
    const found = kinds({
      ...i,
      messages,
      sources: [{ path: 'a', text: "'app:only' 'app:extra'" }],
    });
    expect(found).toContain('missingInLanguage app:only');
    expect(found).toContain('missingInLanguage app:extra');
  });

  it('rejects Chinese, Cyrillic or Latin in a Mongolian value, and a value with no Mongolian', () => {
    expect(checkMongolianValue('首页')).toEqual(['notMongolianScript', 'foreignScriptInMongolian']);
    expect(checkMongolianValue('Нүүр хуудас')).toContain('foreignScriptInMongolian');
    expect(checkMongolianValue(`${home} 首页`)).toEqual(['foreignScriptInMongolian']);
    expect(checkMongolianValue(`${home} ok`)).toEqual(['foreignScriptInMongolian']);
    expect(checkMongolianValue('12348')).toEqual(['notMongolianScript']);
  });

  it('allows numbers, placeholders and the names listed for the key', () => {
    expect(checkMongolianValue(`12348 ${home} {{name}}`)).toEqual([]);
    expect(checkMongolianValue(`${home}: 呼和浩特`, ['呼和浩特'])).toEqual([]);
  });

  it('wants NNBSP, not a space, before a case suffix', () => {
    expect(checkMongolianValue(`ᠬᠠᠤᠯᠢ ᠶᠢᠨ ᠲᠤᠰᠠᠯᠠᠮᠵᠢ`)).toEqual(['suffixWithoutNnbsp']);
    expect(checkMongolianValue(`ᠬᠠᠤᠯᠢ${NNBSP}ᠶᠢᠨ ᠲᠤᠰᠠᠯᠠᠮᠵᠢ`)).toEqual([]);
  });

  it('finds placeholders that differ between languages', () => {
    const i = input();
    const mn = { app: { nav: { home }, greet: 'ᠰᠠᠶᠢᠨ {{nmae}}' } };
    expect(kinds({ ...i, messages: { ...i.messages, 'mn-Mong': mn } })).toEqual([
      'placeholderMismatch app:greet',
    ]);
  });

  it('requires a review record per key and catches a reviewed text that changed', () => {
    expect(kinds(input({ meta: { app: { 'nav.home': { mn: 'draft' } } } }))).toEqual([
      'missingMeta app:greet',
    ]);
    const reviewed = (hash: string) =>
      input({
        meta: {
          app: { 'nav.home': { mn: 'reviewed', mnReviewedHash: hash }, greet: { mn: 'draft' } },
        },
      });
    expect(kinds(reviewed(textHash(home)))).toEqual([]);
    expect(kinds(reviewed(textHash('ᠬᠠᠭᠤᠴᠢᠨ')))).toEqual(['reviewedTextChanged app:nav.home']);
    expect(
      kinds(input({ meta: { app: { 'nav.home': { mn: 'done' }, greet: { mn: 'draft' } } } })),
    ).toEqual(['invalidMeta app:nav.home', 'missingMeta app:nav.home']);
  });

  it('finds unused keys, keys used but missing, and keys without a namespace', () => {
    const sources = [
      { path: 'a.tsx', text: "t('app:greet', { name }); t('app:nav.hoem'); t('greet')" },
    ];
    expect(kinds(input({ sources }))).toEqual([
      'keyWithoutNamespace a.tsx',
      'usedButMissing app:nav.hoem',
      'unusedKey app:nav.home',
    ]);
  });

  it('counts a whole key family as used and checks each of its keys exists', () => {
    const i = input({
      families: { 'app:nav': ['home', 'back'] },
      sources: [{ path: 'a.tsx', text: "t('app:greet', { name }); familyKey('app:nav', v)" }],
    });
    expect(kinds(i)).toEqual(['usedButMissing app:nav.back']);
  });

  it('refuses a template-literal key outside a registered family', () => {
    const usage = scanKeyUsage([{ path: 'b.tsx', text: 't(`app:nav.${x}`)' }], ['app'], {});
    expect(usage.problems.map((p) => p.kind)).toEqual(['unregisteredDynamicKey']);
    const ok = scanKeyUsage([{ path: 'b.tsx', text: 't(`app:nav.${x}`)' }], ['app'], {
      'app:nav': [],
    });
    expect(ok.problems).toEqual([]);
    expect([...ok.families]).toEqual(['app:nav']);
  });

  it('does not take an undotted string like an IPC channel for a missing key', () => {
    const sources = [{ path: 'a.tsx', text: "t('app:greet'); t('app:nav.home'); ch('app:event')" }];
    expect(kinds(input({ sources }))).toEqual([]);
  });

  it('needs every plural form of each language', () => {
    const i = input({
      messages: {
        'zh-Hans': {
          app: { nav: { home: '首页' }, greet: '你好 {{name}}', n_other: '{{count}} 项' },
        },
        'mn-Mong': { app: { nav: { home }, greet: 'ᠰᠠᠶᠢᠨ {{name}}', n_other: '{{count}} ᠵᠦᠢᠯ' } },
      },
      meta: { app: { 'nav.home': { mn: 'draft' }, greet: { mn: 'draft' }, n: { mn: 'draft' } } },
      sources: [{ path: 'a', text: "t('app:nav.home'); t('app:greet'); t('app:n', { count })" }],
    });
    expect(kinds(i)).toEqual(['missingPluralForm app:n']);
  });

  it('skips the usage check for a namespace read as a whole, but not the other checks', () => {
    const i = input({
      messages: {
        'zh-Hans': {
          app: { nav: { home: '首页' }, greet: '你好 {{name}}' },
          doc: { title: '回执' },
        },
        'mn-Mong': { app: { nav: { home }, greet: 'ᠰᠠᠶᠢᠨ {{name}}' }, doc: { title: '回执' } },
      },
      meta: {
        app: { 'nav.home': { mn: 'draft' }, greet: { mn: 'draft' } },
        doc: { title: { mn: 'draft' } },
      },
      wholeNamespaces: { doc: 'read by doc.ts' },
    });
    expect(kinds(i)).toEqual([
      'notMongolianScript doc:title',
      'foreignScriptInMongolian doc:title',
    ]);
  });
});
