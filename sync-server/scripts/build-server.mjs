#!/usr/bin/env node
// Bundles the server CLI into sync-server/dist/server.mjs for production nodes: plain `node`
// runs it without tsx, which transpiles every source file at start and keeps the results in
// memory (measured in bench `cluster`). Everything is bundled except the packages that load
// files of their own at run time (PGlite's WebAssembly, native bindings: pg's optional one, Argon2), which
// stay in node_modules (installed with `npm ci`).
// The bundle sits two levels below the repository root, as src/config.ts does, so the paths it
// derives from its own location (content pack, data directory) are the same.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const serverDir = join(dirname(fileURLToPath(import.meta.url)), '..');

const EXTERNAL = ['@electric-sql/pglite', 'pg', 'pg-native', '@node-rs/*'];

export async function buildServer() {
  const outfile = join(serverDir, 'dist', 'server.mjs');
  await build({
    entryPoints: [join(serverDir, 'src', 'cli', 'server.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
    external: EXTERNAL,
    // Bundled CommonJS packages call require(); an ES module has none of its own.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  });
  return outfile;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const outfile = await buildServer();
  console.log(`server bundle: ${outfile}`);
}
