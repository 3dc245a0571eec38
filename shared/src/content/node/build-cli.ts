/**
 * npm run content:build — regenerates assets/content/{content,directory,manifest}.json from
 * assets/content/sources. `--check` only verifies that the committed files are up to date
 * (exit code 1 when they are stale or the pack has problems).
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describePackProblem } from '../check-pack';
import { DEFAULT_PACK_DIR, readContentSources } from './read-sources';
import { renderContentPack } from './pack-files';

async function main(argv: readonly string[]): Promise<number> {
  const checkOnly = argv.includes('--check');
  const packDir = DEFAULT_PACK_DIR;
  const sources = await readContentSources(packDir);
  if (!sources.ok) {
    for (const problem of sources.error) {
      console.error(`${problem.file}${problem.path}: ${problem.message}`);
    }
    return 1;
  }
  const rendered = await renderContentPack(sources.value, packDir);
  if (rendered.problems.length > 0) {
    for (const problem of rendered.problems) console.error(describePackProblem(problem));
    console.error(`${rendered.problems.length} problem(s); nothing written.`);
    return 1;
  }
  let stale = 0;
  for (const [file, text] of Object.entries(rendered.files)) {
    const target = path.join(packDir, file);
    const current = await readFile(target, 'utf8').catch(() => '');
    if (current === text) continue;
    stale += 1;
    if (checkOnly) console.error(`${file} is stale`);
    else await writeFile(target, text);
  }
  const { counts } = rendered.manifest;
  console.log(
    `content pack ${rendered.manifest.packVersion}: ${JSON.stringify(counts.content)}, ` +
      `directory ${JSON.stringify(counts.directory)}; ` +
      (checkOnly ? `${stale} stale file(s)` : `${stale} file(s) written`),
  );
  return checkOnly && stale > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
