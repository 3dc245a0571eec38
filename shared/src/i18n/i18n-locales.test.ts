import { describe, expect, it } from 'vitest';
import { NATIONS } from '../domain/nations';
import { readLocaleFiles, readSourceFiles } from '../../tools/locale-files';
import { KEY_FAMILIES, NATION_CODES, WHOLE_NAMESPACES } from './key-families';
import { checkLocales, type LocaleProblem } from './locale-check';
import { NAMESPACES } from './resources';

const format = (problems: readonly LocaleProblem[]) =>
  problems.map((p) => `${p.kind} ${p.where}: ${p.detail}`).join('\n');

describe('locales/ (the real files)', () => {
  const files = readLocaleFiles();

  it('has no problems: parity, Mongolian script, review records, key usage', () => {
    const problems = checkLocales({
      messages: files.messages,
      meta: files.meta,
      sources: readSourceFiles(),
      families: KEY_FAMILIES,
      wholeNamespaces: WHOLE_NAMESPACES,
    });
    expect(format(problems)).toBe('');
  });

  it('bundles exactly the namespaces that exist as files', () => {
    expect([...NAMESPACES].sort()).toEqual(files.namespaces);
  });

  it('has a review file for every namespace', () => {
    expect(Object.keys(files.meta).sort()).toEqual(files.namespaces);
  });

  it('lists every nation code of the domain', () => {
    expect([...NATION_CODES].sort()).toEqual(Object.keys(NATIONS).sort());
  });
});
