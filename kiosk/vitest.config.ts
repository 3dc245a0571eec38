import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'kiosk',
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['**/node_modules/**', 'out/**', 'dist/**'],
    environment: 'node',
  },
});
