/**
 * The TV renderer build: `vite build --config tv-client/vite.config.ts` → tv-client/dist/renderer,
 * served by tv-client/scripts/start.ts to a box's Chromium and loaded by the Electron main.
 * Relative asset URLs so the same files work over http and app://; fonts stay files (offline).
 */
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: 'dist/renderer',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 4000,
    sourcemap: false,
  },
  server: { host: '127.0.0.1', fs: { allow: [repoRoot] } },
});
