import { defineConfig } from 'vitest/config';

// Unit tests of every package; e2e has its own config (e2e/vitest.config.ts).
export default defineConfig({
  test: {
    projects: ['shared', 'sync-server', 'kiosk', 'tv-client'],
    // Two cores on CI: keep forks bounded so PGlite/Chromium-heavy suites do not starve each other.
    maxWorkers: 2,
  },
});
