/**
 * Reads and checks the authoring sources of a content pack from disk (Node only: the build
 * CLI and the tests use it; devices never read sources).
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { err, ok, type Result } from '../../domain/index';
import {
  parseSource,
  type ContentSources,
  type FaqGroupSource,
  type LawSource,
  type SourceKind,
  type SourceProblem,
} from '../source-schema';
import { lawVerificationProblems } from '../verification';

/** assets/content, found from this file so the CLI works from any working directory. */
export const DEFAULT_PACK_DIR = path.resolve(import.meta.dirname, '../../../../assets/content');

async function readJson(file: string): Promise<Result<unknown, SourceProblem[]>> {
  try {
    return ok(JSON.parse(await readFile(file, 'utf8')) as unknown);
  } catch (error) {
    return err([{ file, path: '/', message: `cannot read JSON: ${String(error)}` }]);
  }
}

async function jsonFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  return names
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => path.join(dir, name));
}

export async function readContentSources(
  packDir: string = DEFAULT_PACK_DIR,
): Promise<Result<ContentSources, SourceProblem[]>> {
  const sourcesDir = path.join(packDir, 'sources');
  const problems: SourceProblem[] = [];
  const load = async <K extends SourceKind>(kind: K, file: string) => {
    const relative = path.relative(packDir, file);
    const json = await readJson(file);
    if (!json.ok) {
      problems.push(...json.error);
      return undefined;
    }
    const parsed = parseSource(kind, relative, json.value);
    if (!parsed.ok) {
      problems.push(...parsed.error);
      return undefined;
    }
    return parsed.value;
  };

  const settings = await load('settings', path.join(sourcesDir, 'pack.json'));
  const programs = await load('programs', path.join(sourcesDir, 'programs.json'));
  const directory = await load('directory', path.join(sourcesDir, 'directory.json'));
  const laws: { file: string; source: LawSource }[] = [];
  for (const file of await jsonFiles(path.join(sourcesDir, 'laws'))) {
    const source = await load('law', file);
    if (!source) continue;
    const relative = path.relative(packDir, file);
    for (const problem of lawVerificationProblems(source))
      problems.push({ file: relative, ...problem });
    laws.push({ file: path.basename(file), source });
  }
  const faqGroups: { file: string; source: FaqGroupSource }[] = [];
  for (const file of await jsonFiles(path.join(sourcesDir, 'faq'))) {
    const source = await load('faq', file);
    if (source) faqGroups.push({ file: path.basename(file), source });
  }
  if (problems.length > 0 || !settings || !programs || !directory) return err(problems);
  return ok({ settings, programs, directory, laws, faqGroups });
}
