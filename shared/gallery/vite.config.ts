/**
 * The UI-kit gallery: every component of @pls/shared/ui in both languages, for looking at and
 * for the e2e screenshots (e2e/ui-gallery.e2e.ts).
 *   npx vite --config shared/gallery/vite.config.ts          (dev server)
 *   npx vite build --config shared/gallery/vite.config.ts    (→ shared/gallery/dist)
 */
import { rendererViteConfig } from '../tools/vite-config';

export default rendererViteConfig({ root: new URL('.', import.meta.url), outDir: 'dist' });
