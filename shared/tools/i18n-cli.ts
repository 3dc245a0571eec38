/**
 * `npm run i18n -- <command>`: keeps locales/meta (the per-key review records) in step with the
 * strings, and reports.
 *   status              per namespace: keys, Mongolian draft/reviewed, keys needing voice
 *   check               every locale problem (the same check as the unit test); exit 1 if any
 *   sync                add a `draft` record for every new key, drop records of removed keys
 *   review <ns:key>…    mark the current Mongolian text of keys as reviewed (stores its hash)
 *   draft <ns:key>…     mark keys draft again
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KEY_FAMILIES, WHOLE_NAMESPACES } from '../src/i18n/key-families';
import {
  baseKey,
  checkLocales,
  flattenMessages,
  mongolianTextOf,
  parseKeyMeta,
  type KeyMeta,
} from '../src/i18n/locale-check';
import { textHash } from '../src/i18n/text-hash';
import {
  LOCALES_DIR,
  formatMetaJson,
  readLocaleFiles,
  readSourceFiles,
  type LocaleFiles,
} from './locale-files';

type MetaFile = Record<string, KeyMeta>;

function keysOf(files: LocaleFiles, ns: string): string[] {
  const zh = [...flattenMessages(files.messages['zh-Hans'][ns] ?? {}).keys()].map(baseKey);
  const mn = [...flattenMessages(files.messages['mn-Mong'][ns] ?? {}).keys()].map(baseKey);
  return [...new Set([...zh, ...mn])];
}

function metaOf(files: LocaleFiles, ns: string): MetaFile {
  const raw = files.meta[ns];
  const out: MetaFile = {};
  if (raw === null || typeof raw !== 'object') return out;
  for (const [key, value] of Object.entries(raw)) {
    const parsed = parseKeyMeta(value);
    if (parsed === undefined) throw new Error(`locales/meta/${ns}.json: bad record for ${key}`);
    out[key] = parsed;
  }
  return out;
}

function writeMeta(ns: string, meta: MetaFile): void {
  writeFileSync(join(LOCALES_DIR, 'meta', `${ns}.json`), formatMetaJson(meta));
}

function sync(files: LocaleFiles): void {
  for (const ns of files.namespaces) {
    const old = metaOf(files, ns);
    const next: MetaFile = {};
    let added = 0;
    for (const key of keysOf(files, ns)) {
      const record = old[key];
      if (record === undefined) added += 1;
      next[key] = record ?? { mn: 'draft' };
    }
    const removed = Object.keys(old).filter((k) => !(k in next)).length;
    writeMeta(ns, next);
    if (added + removed > 0) console.log(`${ns}: ${added} added as draft, ${removed} removed`);
  }
}

function setReview(files: LocaleFiles, keys: readonly string[], state: 'draft' | 'reviewed'): void {
  const byNs = new Map<string, string[]>();
  for (const full of keys) {
    const colon = full.indexOf(':');
    if (colon < 1) throw new Error(`write keys as ns:key (${full})`);
    const ns = full.slice(0, colon);
    byNs.set(ns, [...(byNs.get(ns) ?? []), full.slice(colon + 1)]);
  }
  for (const [ns, nsKeys] of byNs) {
    const meta = metaOf(files, ns);
    const mn = flattenMessages(files.messages['mn-Mong'][ns] ?? {});
    for (const key of nsKeys) {
      const record = meta[key];
      if (record === undefined) throw new Error(`${ns}:${key} has no record: run sync first`);
      const { mnReviewedHash: _old, ...rest } = record;
      meta[key] =
        state === 'reviewed'
          ? { ...rest, mn: 'reviewed', mnReviewedHash: textHash(mongolianTextOf(mn, key)) }
          : { ...rest, mn: 'draft' };
    }
    writeMeta(ns, meta);
  }
  console.log(`${keys.length} key(s) marked ${state}`);
}

function status(files: LocaleFiles): void {
  const rows = files.namespaces.map((ns) => {
    const meta = metaOf(files, ns);
    const records = Object.values(meta);
    return {
      namespace: ns,
      keys: keysOf(files, ns).length,
      'mn draft': records.filter((r) => r.mn === 'draft').length,
      'mn reviewed': records.filter((r) => r.mn === 'reviewed').length,
      'voice keys': records.filter((r) => r.voice === true).length,
    };
  });
  console.table(rows);
}

function check(files: LocaleFiles): number {
  const problems = checkLocales({
    messages: files.messages,
    meta: files.meta,
    sources: readSourceFiles(),
    families: KEY_FAMILIES,
    wholeNamespaces: WHOLE_NAMESPACES,
  });
  for (const p of problems) console.log(`${p.kind}\t${p.where}\t${p.detail}`);
  console.log(problems.length === 0 ? 'locales: no problems' : `${problems.length} problem(s)`);
  return problems.length === 0 ? 0 : 1;
}

const [command, ...args] = process.argv.slice(2);
const files = readLocaleFiles();
switch (command) {
  case 'sync':
    sync(files);
    break;
  case 'review':
    setReview(files, args, 'reviewed');
    break;
  case 'draft':
    setReview(files, args, 'draft');
    break;
  case 'check':
    process.exitCode = check(files);
    break;
  case 'status':
  case undefined:
    status(files);
    break;
  default:
    console.error(`unknown command ${command}; use status, check, sync, review, draft`);
    process.exitCode = 2;
}
