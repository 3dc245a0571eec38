/**
 * The one Vite set-up of every renderer build (kiosk, TV client, UI-kit gallery). Relative asset
 * URLs, so the same files work over http://127.0.0.1 and from app://; fonts and voice clips stay
 * files, never inlined data: URLs (the devices are offline, everything ships); the dev server
 * reads the repository's shared assets (fonts, locales) and listens on loopback only.
 */
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';

export interface RendererBuild {
  /** The directory holding the renderer's index.html (the config file's own, usually). */
  readonly root: URL;
  /** Output directory, relative to `root`. */
  readonly outDir: string;
  readonly sourcemap?: boolean;
}

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function rendererViteConfig(build: RendererBuild): UserConfig {
  return defineConfig({
    root: fileURLToPath(build.root),
    base: './',
    plugins: [react()],
    publicDir: false,
    logLevel: 'warn',
    build: {
      outDir: build.outDir,
      emptyOutDir: true,
      assetsInlineLimit: 0,
      chunkSizeWarningLimit: 4000,
      sourcemap: build.sourcemap ?? false,
    },
    server: { host: '127.0.0.1', fs: { allow: [REPO_ROOT] } },
  });
}
