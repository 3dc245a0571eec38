/**
 * Checks of locales/ and of the keys the source uses. Pure: the test (and the `npm run i18n`
 * tool) read the files and hand them over. What it finds:
 * - a key present in one language and not the other (plural forms per Intl.PluralRules);
 * - a Mongolian value without Mongolian letters, or with Han, Cyrillic or Latin letters
 *   (except substrings allowed for that key in locales/meta, e.g. a place name);
 * - a case suffix after a plain space instead of U+202F NNBSP;
 * - different {{placeholders}} in the two languages;
 * - a key without a review record in locales/meta, or a `reviewed` record whose text changed;
 * - a key no source file uses, a key used in source but missing, a dynamic key outside a
 *   registered family, and a `t` call whose key has no namespace.
 */
import type { Language } from './languages';
import { textHash } from './text-hash';

export const REVIEW_STATES = ['draft', 'reviewed'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** One record per key in locales/meta/<ns>.json. */
export interface KeyMeta {
  /** Review status of the Mongolian text. */
  readonly mn: ReviewState;
  /** textHash of the Mongolian text a reviewer approved; required with `reviewed`. */
  readonly mnReviewedHash?: string;
  /** Needs a voice clip in each language (see shared/src/voice). */
  readonly voice?: boolean;
  /** Substrings allowed in the Mongolian text although not Mongolian script (names, codes). */
  readonly mnAllow?: readonly string[];
  /** A note for translators and reviewers. */
  readonly note?: string;
}

export type ProblemKind =
  | 'invalidValue'
  | 'missingInLanguage'
  | 'missingPluralForm'
  | 'emptyValue'
  | 'notMongolianScript'
  | 'foreignScriptInMongolian'
  | 'suffixWithoutNnbsp'
  | 'mongolianInChinese'
  | 'placeholderMismatch'
  | 'missingMeta'
  | 'invalidMeta'
  | 'metaWithoutKey'
  | 'reviewedTextChanged'
  | 'unusedKey'
  | 'usedButMissing'
  | 'unregisteredDynamicKey'
  | 'keyWithoutNamespace';

export interface LocaleProblem {
  readonly kind: ProblemKind;
  /** `ns:key`, or a source path for source problems. */
  readonly where: string;
  readonly detail: string;
}

/** Top-level keys of a namespace file that hold notes about the file, not strings to show. */
const RESERVED_FILE_KEYS: readonly string[] = ['meta'];

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const MONGOLIAN_LETTER = /[\u1820-\u18AA]/u;
const HAN = /\p{Script=Han}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN_LETTER = /\p{Script=Latin}/u;
const PLACEHOLDER = /{{\s*([^,}\s]+)[^}]*}}/g;
const NESTING = /\$t\([^)]*\)/g;
/**
 * Case and possessive suffixes that UTN #57 / GB/T 25914-2023 write after U+202F NNBSP.
 * A plain space before them breaks the suffix shaping. Only unambiguous suffixes are listed.
 */
const SUFFIXES = [
  'ᠶᠢᠨ',
  'ᠤᠨ',
  'ᠦᠨ',
  'ᠶᠢ',
  'ᠳᠤ',
  'ᠳᠦ',
  'ᠲᠤ',
  'ᠲᠦ',
  'ᠳᠤᠷ',
  'ᠳᠦᠷ',
  'ᠠᠴᠠ',
  'ᠡᠴᠡ',
  'ᠢᠶᠠᠷ',
  'ᠢᠶᠡᠷ',
  'ᠪᠠᠷ',
  'ᠪᠡᠷ',
  'ᠲᠠᠢ',
  'ᠲᠡᠢ',
  'ᠢᠶᠠᠨ',
  'ᠢᠶᠡᠨ',
  'ᠪᠠᠨ',
  'ᠪᠡᠨ',
];
const SUFFIX_AFTER_SPACE = new RegExp(
  `[\\u1820-\\u18AA] (${SUFFIXES.join('|')})(?=$|[\\s\\u1802\\u1803.,!?)])`,
  'u',
);

/** Flattens a namespace file to `key → string`; arrays get index keys (`steps.legalAid.0`). */
export function flattenMessages(
  value: unknown,
  problems: LocaleProblem[] = [],
  where = '',
): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (node: unknown, path: string): void => {
    if (typeof node === 'string') {
      out.set(path, node);
    } else if (Array.isArray(node)) {
      node.forEach((item, index) => walk(item, path === '' ? String(index) : `${path}.${index}`));
    } else if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        if (path === '' && RESERVED_FILE_KEYS.includes(key)) continue;
        walk(child, path === '' ? key : `${path}.${key}`);
      }
    } else {
      problems.push({ kind: 'invalidValue', where: `${where}:${path}`, detail: String(node) });
    }
  };
  walk(value, '');
  return out;
}

export function baseKey(key: string): string {
  return key.replace(PLURAL_SUFFIX, '');
}

export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))].sort();
}

/** What is left of a Mongolian value to judge once placeholders and allowed names are cut out. */
function mongolianRemainder(text: string, allow: readonly string[]): string {
  let rest = text.replace(PLACEHOLDER, ' ').replace(NESTING, ' ');
  for (const allowed of allow) rest = rest.split(allowed).join(' ');
  return rest;
}

export function checkMongolianValue(text: string, allow: readonly string[] = []): ProblemKind[] {
  const problems: ProblemKind[] = [];
  const rest = mongolianRemainder(text, allow);
  if (!MONGOLIAN_LETTER.test(rest)) problems.push('notMongolianScript');
  if (HAN.test(rest) || CYRILLIC.test(rest) || LATIN_LETTER.test(rest)) {
    problems.push('foreignScriptInMongolian');
  }
  if (SUFFIX_AFTER_SPACE.test(text)) problems.push('suffixWithoutNnbsp');
  return problems;
}

export function parseKeyMeta(value: unknown): KeyMeta | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const known = new Set(['mn', 'mnReviewedHash', 'voice', 'mnAllow', 'note']);
  if (Object.keys(record).some((k) => !known.has(k))) return undefined;
  const { mn, mnReviewedHash, voice, mnAllow, note } = record;
  if (mn !== 'draft' && mn !== 'reviewed') return undefined;
  if (mnReviewedHash !== undefined && typeof mnReviewedHash !== 'string') return undefined;
  if (voice !== undefined && typeof voice !== 'boolean') return undefined;
  if (note !== undefined && typeof note !== 'string') return undefined;
  if (
    mnAllow !== undefined &&
    (!Array.isArray(mnAllow) || mnAllow.some((a) => typeof a !== 'string' || a === ''))
  ) {
    return undefined;
  }
  return {
    mn,
    ...(mnReviewedHash === undefined ? {} : { mnReviewedHash }),
    ...(voice === undefined ? {} : { voice }),
    ...(mnAllow === undefined ? {} : { mnAllow: mnAllow as string[] }),
    ...(note === undefined ? {} : { note }),
  };
}

export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

export interface KeyUsage {
  /** `ns:key` literals found in source. */
  readonly keys: ReadonlySet<string>;
  /**
   * The literals that are certainly keys: written inside `t(…)`/`i18nKey` or with a dotted path.
   * Only these count as "used but missing": a bare `'kiosk:event'` may be an IPC channel name.
   */
  readonly certainKeys: ReadonlySet<string>;
  /** Registered families referred to (by familyKey or a template literal). */
  readonly families: ReadonlySet<string>;
  readonly problems: readonly LocaleProblem[];
}

/**
 * Finds the keys a set of source files uses. Convention: a key is always written whole, with its
 * namespace, as a string literal (`'common:nav.home'`); dynamic keys come only from families.
 */
export function scanKeyUsage(
  sources: readonly SourceFile[],
  namespaces: readonly string[],
  families: Readonly<Record<string, readonly string[]>>,
): KeyUsage {
  const ns = namespaces.map(escapeRegExp).join('|');
  const literal = new RegExp(`(['"\`])((?:${ns}):[A-Za-z0-9_.-]+)\\1`, 'g');
  const template = new RegExp(`\`((?:${ns}):[A-Za-z0-9_.-]*)\\$\\{`, 'g');
  const bare = /(?:\bt\(\s*|\bi18nKey=\{?\s*)(['"])([^'"\n]*)\1/g;
  const keys = new Set<string>();
  const certainKeys = new Set<string>();
  const used = new Set<string>();
  const problems: LocaleProblem[] = [];
  for (const source of sources) {
    for (const match of source.text.matchAll(literal)) {
      const key = match[2] ?? '';
      if (Object.hasOwn(families, key)) used.add(key);
      else {
        keys.add(key);
        if (key.includes('.')) certainKeys.add(key);
      }
    }
    for (const match of source.text.matchAll(template)) {
      const prefix = (match[1] ?? '').replace(/\.$/, '');
      if (Object.hasOwn(families, prefix)) used.add(prefix);
      else {
        problems.push({
          kind: 'unregisteredDynamicKey',
          where: source.path,
          detail: `\`${match[1]}\${…}\` is not a registered key family (shared/src/i18n/key-families.ts)`,
        });
      }
    }
    for (const match of source.text.matchAll(bare)) {
      const key = match[2] ?? '';
      if (key.includes(':')) certainKeys.add(key);
      else {
        problems.push({
          kind: 'keyWithoutNamespace',
          where: source.path,
          detail: `"${key}": write keys with their namespace, e.g. "common:${key}"`,
        });
      }
    }
  }
  return { keys, certainKeys, families: used, problems };
}

export interface LocaleCheckInput {
  /** Parsed namespace files per language. */
  readonly messages: Readonly<Record<Language, Readonly<Record<string, unknown>>>>;
  /** Parsed locales/meta/<ns>.json per namespace. */
  readonly meta: Readonly<Record<string, unknown>>;
  readonly sources: readonly SourceFile[];
  readonly families: Readonly<Record<string, readonly string[]>>;
  /** Namespaces read as a whole structure by one module (which checks its own key set). */
  readonly wholeNamespaces: Readonly<Record<string, string>>;
}

export function checkLocales(input: LocaleCheckInput): LocaleProblem[] {
  const problems: LocaleProblem[] = [];
  const namespaces = [
    ...new Set([
      ...Object.keys(input.messages['zh-Hans']),
      ...Object.keys(input.messages['mn-Mong']),
    ]),
  ].sort();
  const flat = {
    'zh-Hans': new Map<string, string>(),
    'mn-Mong': new Map<string, string>(),
  } satisfies Record<Language, Map<string, string>>;
  for (const language of ['zh-Hans', 'mn-Mong'] as const) {
    for (const ns of namespaces) {
      const file = input.messages[language][ns];
      if (file === undefined) {
        problems.push({
          kind: 'missingInLanguage',
          where: `${ns}:*`,
          detail: `no ${language}/${ns}.json`,
        });
        continue;
      }
      for (const [key, value] of flattenMessages(file, problems, `${language}/${ns}`)) {
        flat[language].set(`${ns}:${key}`, value);
      }
    }
  }

  checkParity(flat, problems);
  const metas = checkMeta(input.meta, namespaces, flat, problems);
  checkValues(flat, metas, problems);
  checkUsage(input, namespaces, flat, problems);
  return problems;
}

function checkParity(flat: Record<Language, Map<string, string>>, problems: LocaleProblem[]): void {
  const bases = {
    'zh-Hans': new Set([...flat['zh-Hans'].keys()].map(baseKey)),
    'mn-Mong': new Set([...flat['mn-Mong'].keys()].map(baseKey)),
  };
  for (const [language, other] of [
    ['zh-Hans', 'mn-Mong'],
    ['mn-Mong', 'zh-Hans'],
  ] as const) {
    for (const key of bases[language]) {
      if (!bases[other].has(key)) {
        problems.push({ kind: 'missingInLanguage', where: key, detail: `missing in ${other}` });
      }
    }
    // A pluralised key needs every form its language has (zh: other; mn: one, other).
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    const plural = [...flat[language].keys()].filter((k) => PLURAL_SUFFIX.test(k)).map(baseKey);
    for (const key of new Set(plural)) {
      for (const category of categories) {
        if (!flat[language].has(`${key}_${category}`)) {
          problems.push({
            kind: 'missingPluralForm',
            where: key,
            detail: `${language} needs ${key}_${category}`,
          });
        }
      }
    }
  }
  for (const [key, zh] of flat['zh-Hans']) {
    const mn = flat['mn-Mong'].get(key) ?? flat['mn-Mong'].get(`${baseKey(key)}_other`);
    if (mn === undefined) continue;
    const a = placeholders(zh).join(',');
    const b = placeholders(mn).join(',');
    if (a !== b) {
      problems.push({ kind: 'placeholderMismatch', where: key, detail: `zh {${a}} mn {${b}}` });
    }
  }
}

function checkMeta(
  meta: Readonly<Record<string, unknown>>,
  namespaces: readonly string[],
  flat: Record<Language, Map<string, string>>,
  problems: LocaleProblem[],
): Map<string, KeyMeta> {
  const metas = new Map<string, KeyMeta>();
  for (const ns of namespaces) {
    const file = meta[ns];
    if (file === null || typeof file !== 'object' || Array.isArray(file)) {
      problems.push({
        kind: 'missingMeta',
        where: `${ns}:*`,
        detail: `no locales/meta/${ns}.json`,
      });
      continue;
    }
    for (const [key, value] of Object.entries(file)) {
      const parsed = parseKeyMeta(value);
      if (parsed === undefined) {
        problems.push({
          kind: 'invalidMeta',
          where: `${ns}:${key}`,
          detail: JSON.stringify(value),
        });
      } else {
        metas.set(`${ns}:${key}`, parsed);
      }
    }
  }
  const keys = new Set([...flat['zh-Hans'].keys(), ...flat['mn-Mong'].keys()].map(baseKey));
  const hasFile = (key: string) => {
    const file = meta[key.slice(0, key.indexOf(':'))];
    return file !== null && typeof file === 'object';
  };
  for (const key of keys) {
    if (!metas.has(key) && hasFile(key)) {
      problems.push({
        kind: 'missingMeta',
        where: key,
        detail: 'no review record: run `npm run i18n -- sync` (adds it as draft)',
      });
    }
  }
  for (const [key, record] of metas) {
    if (!keys.has(key)) {
      problems.push({
        kind: 'metaWithoutKey',
        where: key,
        detail: 'review record of a key that is gone',
      });
      continue;
    }
    if (record.mn === 'reviewed') {
      const mn = mongolianTextOf(flat['mn-Mong'], key);
      if (record.mnReviewedHash !== textHash(mn)) {
        problems.push({
          kind: 'reviewedTextChanged',
          where: key,
          detail:
            'Mongolian text changed after review: review again (`npm run i18n -- review <key>`) or mark draft',
        });
      }
    }
  }
  return metas;
}

/** The Mongolian text of a key; plural forms are joined so the review covers all of them. */
export function mongolianTextOf(messages: ReadonlyMap<string, string>, key: string): string {
  const direct = messages.get(key);
  if (direct !== undefined) return direct;
  return [...messages.entries()]
    .filter(([k]) => baseKey(k) === key && k !== key)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, v]) => v)
    .join('\n');
}

function checkValues(
  flat: Record<Language, Map<string, string>>,
  metas: Map<string, KeyMeta>,
  problems: LocaleProblem[],
): void {
  for (const [key, text] of flat['zh-Hans']) {
    if (text.trim() === '') problems.push({ kind: 'emptyValue', where: key, detail: 'zh-Hans' });
    if (MONGOLIAN_LETTER.test(text) || CYRILLIC.test(text)) {
      problems.push({ kind: 'mongolianInChinese', where: key, detail: text });
    }
  }
  for (const [key, text] of flat['mn-Mong']) {
    if (text.trim() === '') {
      problems.push({ kind: 'emptyValue', where: key, detail: 'mn-Mong' });
      continue;
    }
    const allow = metas.get(baseKey(key))?.mnAllow ?? [];
    for (const kind of checkMongolianValue(text, allow)) {
      problems.push({ kind, where: key, detail: text });
    }
  }
}

function checkUsage(
  input: LocaleCheckInput,
  namespaces: readonly string[],
  flat: Record<Language, Map<string, string>>,
  problems: LocaleProblem[],
): void {
  const usage = scanKeyUsage(input.sources, namespaces, input.families);
  problems.push(...usage.problems);
  const used = new Set(usage.keys);
  const mustExist = new Set(usage.certainKeys);
  for (const [family, values] of Object.entries(input.families)) {
    for (const value of values) {
      used.add(`${family}.${value}`);
      mustExist.add(`${family}.${value}`);
    }
  }
  const present = new Set([...flat['zh-Hans'].keys()].map(baseKey));
  const isPresent = (key: string) =>
    present.has(key) || [...present].some((p) => p.startsWith(`${key}.`));
  for (const key of mustExist) {
    if (!isPresent(key)) {
      problems.push({
        kind: 'usedButMissing',
        where: key,
        detail: 'used in source or a key family, not in locales',
      });
    }
  }
  for (const key of present) {
    const ns = key.slice(0, key.indexOf(':'));
    if (Object.hasOwn(input.wholeNamespaces, ns)) continue;
    if (used.has(key) || ancestors(key).some((a) => used.has(a))) continue;
    problems.push({ kind: 'unusedKey', where: key, detail: 'no source file uses it' });
  }
}

/** `ns:a.b.c` → [`ns:a.b`, `ns:a`]: a key is used when an object above it is (returnObjects). */
function ancestors(key: string): string[] {
  const colon = key.indexOf(':');
  const ns = key.slice(0, colon);
  const parts = key.slice(colon + 1).split('.');
  const out: string[] = [];
  for (let i = parts.length - 1; i > 0; i--) out.push(`${ns}:${parts.slice(0, i).join('.')}`);
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
