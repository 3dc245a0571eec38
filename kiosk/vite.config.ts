/**
 * The kiosk renderer build: `vite build --config kiosk/vite.config.ts` → kiosk/dist/renderer,
 * which the device agent serves (with its token put into index.html) and Electron loads.
 * Relative asset URLs, so the same files work from http://127.0.0.1:5710/ and from app://.
 * Fonts and voice clips stay files (never inlined): the kiosk is offline, everything ships.
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
