/**
 * Reads locales/ and the source files the key-usage check scans. Node only: used by the locale
 * test, `npm run i18n` and `npm run voice:coverage`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LANGUAGES, type Language } from '../src/domain/vocabulary';
import type { SourceFile } from '../src/i18n/locale-check';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const LOCALES_DIR = join(REPO_ROOT, 'locales');

/** Where user-visible keys are used (renderers and the shared UI). Tests are not scanned. */
const SOURCE_DIRS = [
  'kiosk/src',
  'tv-client/src',
  'sync-server/console',
  'shared/src',
  'shared/gallery',
] as const;

export interface LocaleFiles {
  readonly messages: Record<Language, Record<string, unknown>>;
  readonly meta: Record<string, unknown>;
  /** Namespaces found as files under locales/zh-Hans and locales/mn-Mong. */
  readonly namespaces: string[];
}

function readJson(path: string): unknown {
  const text = readFileSync(path, 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`${relative(REPO_ROOT, path)} is not valid JSON: ${String(error)}`, {
      cause: error,
    });
  }
}

function jsonFiles(dir: string): string[] {
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.json'));
  } catch {
    return [];
  }
}

export function readLocaleFiles(root = LOCALES_DIR): LocaleFiles {
  const messages = { 'zh-Hans': {}, 'mn-Mong': {} } as Record<Language, Record<string, unknown>>;
  const namespaces = new Set<string>();
  for (const language of LANGUAGES) {
    for (const file of jsonFiles(join(root, language))) {
      const ns = basename(file, '.json');
      namespaces.add(ns);
      messages[language][ns] = readJson(join(root, language, file));
    }
  }
  const meta: Record<string, unknown> = {};
  for (const file of jsonFiles(join(root, 'meta'))) {
    meta[basename(file, '.json')] = readJson(join(root, 'meta', file));
  }
  return { messages, meta, namespaces: [...namespaces].sort() };
}

export function readSourceFiles(dirs: readonly string[] = SOURCE_DIRS): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (dir: string): void => {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return; // a package that has no such folder yet
    }
    for (const entry of entries) {
      if (entry === 'node_modules' || entry === 'dist' || entry === 'out') continue;
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry)) {
        out.push({ path: relative(REPO_ROOT, path), text: readFileSync(path, 'utf8') });
      }
    }
  };
  for (const dir of dirs) walk(join(REPO_ROOT, dir));
  return out;
}

/**
 * JSON as Prettier writes it (the format check runs over locales/): a short array of strings on
 * one line, as `"mnAllow": ["呼和浩特"]`, instead of JSON.stringify's one item per line.
 */
export function formatMetaJson(meta: unknown): string {
  const text = JSON.stringify(meta, null, 2).replace(
    /^( *)("[^"\n]+": )\[\n((?: *"(?:[^"\\\n]|\\.)*",?\n)+) *\]/gm,
    (whole, indent: string, key: string, items: string) => {
      const line = `${indent}${key}[${items
        .trim()
        .split(/,?\n */)
        .map((item) => item.replace(/,$/, ''))
        .join(', ')}]`;
      return line.length <= 100 ? line : whole;
    },
  );
  return `${text}\n`;
}
