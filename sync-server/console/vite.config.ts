/**
 * The staff console build: `npm run console:build -w sync-server` → sync-server/console/dist,
 * which the sync server serves under /console/. Fonts stay files (offline centers too).
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// URL pathnames rather than node:url: this folder is renderer code to the lint rules.
const here = decodeURIComponent(new URL('.', import.meta.url).pathname);
const repoRoot = decodeURIComponent(new URL('../..', import.meta.url).pathname);

export default defineConfig({
  root: here,
  base: '/console/',
  plugins: [react()],
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 4000,
    sourcemap: false,
  },
  server: { host: '127.0.0.1', fs: { allow: [repoRoot] } },
});
