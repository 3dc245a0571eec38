/**
 * The kiosk renderer build: `vite build --config kiosk/vite.config.ts` → kiosk/dist/renderer,
 * which the device agent serves (with its token put into index.html) and Electron loads.
 */
import { rendererViteConfig } from '../shared/tools/vite-config';

export default rendererViteConfig({ root: new URL('.', import.meta.url), outDir: 'dist/renderer' });
