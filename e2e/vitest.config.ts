import { defineConfig } from 'vitest/config';

// End-to-end suites drive Debian Chromium through playwright-core against real servers on loopback.
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['e2e/**/*.e2e.ts', '**/*.e2e.ts'],
    exclude: ['**/node_modules/**'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // One Chromium at a time on a 2-core machine.
    fileParallelism: false,
  },
});
