import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'sync-server',
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['**/node_modules/**', 'out/**', 'dist/**'],
    environment: 'node',
    // PGlite starts in 2-10 s on a busy 2-core machine; child servers need tsx to boot.
    hookTimeout: 60_000,
    testTimeout: 30_000,
  },
});
