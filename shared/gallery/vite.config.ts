/**
 * The UI-kit gallery: every component of @pls/shared/ui in both languages, for looking at and
 * for the e2e screenshots (e2e/ui-gallery.e2e.ts).
 *   npx vite --config shared/gallery/vite.config.ts          (dev server)
 *   npx vite build --config shared/gallery/vite.config.ts    (→ shared/gallery/dist)
 */
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Fonts and clips stay files (as in the apps), never inlined data: URLs.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 4000,
  },
  server: { host: '127.0.0.1', fs: { allow: [repoRoot] } },
});
