#!/usr/bin/env node
// `npm test`: set up, then type-check, lint, format check, unit tests, end-to-end tests.
// Stops at the first failing step and says which one. Steps can be picked: `npm test -- unit e2e`.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

const STEPS = {
  setup: [process.execPath, [join(root, 'scripts', 'setup.mjs')]],
  typecheck: [bin('tsc'), ['-b']],
  lint: [bin('eslint'), ['.', '--max-warnings', '0']],
  format: [bin('prettier'), ['--check', '.', '--log-level', 'warn']],
  unit: [bin('vitest'), ['run']],
  e2e: [bin('vitest'), ['run', '--config', 'e2e/vitest.config.ts']],
};

const requested = process.argv.slice(2);
const names =
  requested.length > 0 ? ['setup', ...requested.filter((n) => n !== 'setup')] : Object.keys(STEPS);
const started = Date.now();
for (const name of names) {
  const step = STEPS[name];
  if (!step) {
    console.error(`unknown step "${name}"; steps: ${Object.keys(STEPS).join(', ')}`);
    process.exit(2);
  }
  const t0 = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(step[0], step[1], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' },
  });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✗ ${name} failed after ${seconds} s (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${name} (${seconds} s)`);
}
console.log(
  `\nAll steps passed in ${((Date.now() - started) / 1000).toFixed(0)} s: ${names.join(', ')}`,
);
