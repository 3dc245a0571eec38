/**
 * Builds a pack from its sources and renders the three generated files exactly as they are
 * committed (formatted with the repository's Prettier settings, so `npm run format:check`
 * and the staleness test agree on every byte).
 */
import path from 'node:path';
import * as prettier from 'prettier';
import { buildContentPack, type BuiltPack } from '../build-pack';
import { checkContentPack, type PackProblem } from '../check-pack';
import {
  CONTENT_FILE,
  DIRECTORY_FILE,
  MANIFEST_FILE,
  buildManifest,
  type ContentPackManifest,
} from '../manifest';
import type { ContentSources } from '../source-schema';

export interface RenderedPack {
  readonly pack: BuiltPack;
  readonly manifest: ContentPackManifest;
  readonly problems: readonly PackProblem[];
  /** File name (relative to the pack directory) → exact file text. */
  readonly files: Readonly<Record<string, string>>;
}

async function formatJson(value: unknown, packDir: string, file: string): Promise<string> {
  const filepath = path.join(packDir, file);
  const options = (await prettier.resolveConfig(filepath)) ?? {};
  return prettier.format(JSON.stringify(value), { ...options, filepath, parser: 'json' });
}

export async function renderContentPack(
  sources: ContentSources,
  packDir: string,
): Promise<RenderedPack> {
  const pack = buildContentPack(sources);
  const problems = checkContentPack(pack);
  const content = await formatJson(pack.content, packDir, CONTENT_FILE);
  const directory = await formatJson(pack.directory, packDir, DIRECTORY_FILE);
  const manifest = await buildManifest(sources, pack, { content, directory });
  return {
    pack,
    manifest,
    problems,
    files: {
      [CONTENT_FILE]: content,
      [DIRECTORY_FILE]: directory,
      [MANIFEST_FILE]: await formatJson(manifest, packDir, MANIFEST_FILE),
    },
  };
}
