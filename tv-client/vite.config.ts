/**
 * The TV renderer build: `vite build --config tv-client/vite.config.ts` → tv-client/dist/renderer,
 * served by tv-client/scripts/start.ts to a box's Chromium and loaded by the Electron main.
 */
import { rendererViteConfig } from '../shared/tools/vite-config';

export default rendererViteConfig({ root: new URL('.', import.meta.url), outDir: 'dist/renderer' });
