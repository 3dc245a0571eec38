/**
 * `npm run bench [-- --quick] [-- --only <text>]`: runs the suites, prints a table, writes
 * bench/results/latest.json. Suites are listed in bench/suites/index.ts.
 *
 * First the same setup as `npm start` and `npm test` (scripts/setup.mjs: Chromium, poppler,
 * zbar, fonts, npm packages): on a fresh clone the print, OCR and kiosk suites need Chromium.
 * The suites are imported only after it, so they load what setup installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatTable, type BenchResult } from './framework';

const setup = spawnSync(
  process.execPath,
  [join(dirname(fileURLToPath(import.meta.url)), '..', 'scripts', 'setup.mjs')],
  { stdio: 'inherit' },
);
if (setup.status !== 0) {
  console.error('setup failed (node scripts/setup.mjs): the benchmark needs what it installs');
  process.exit(setup.status ?? 1);
}
const { SUITES } = await import('./suites/index');

const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } },
  allowPositionals: false,
});
const quick = values.quick ?? false;
const only = values.only;
const started = Date.now();
const results: BenchResult[] = [];
const notes: string[] = [];
const suites = SUITES.filter((s) => !only || s.name.includes(only));
if (suites.length === 0) {
  console.error(`no suite matches "${only}"; suites: ${SUITES.map((s) => s.name).join(', ')}`);
  process.exit(2);
}
console.log(`benchmark (${quick ? 'quick' : 'full'}): ${suites.map((s) => s.name).join(', ')}`);
let failed = false;
for (const suite of suites) {
  const t0 = Date.now();
  console.log(`\n▶ ${suite.name}: ${suite.description}`);
  try {
    const produced = await suite.run({
      quick,
      log: (message) => console.log(`  ${message}`),
      note: (message) => notes.push(`${suite.name}: ${message}`),
    });
    results.push(...produced);
    console.log(`✓ ${suite.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  } catch (error) {
    failed = true;
    console.error(`✗ ${suite.name} failed:`, error);
  }
}
console.log(`\n${formatTable(results)}`);
if (notes.length > 0) console.log(`\nnotes:\n${notes.map((n) => `- ${n}`).join('\n')}`);
const out = join(dirname(fileURLToPath(import.meta.url)), 'results', 'latest.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
console.log(
  `\nwrote ${out} (${results.length} results) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
process.exit(failed ? 1 : 0);
