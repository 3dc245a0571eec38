/**
 * The one Vite set-up of every renderer build (kiosk, TV client, UI-kit gallery). Relative asset
 * URLs, so the same files work over http://127.0.0.1 and from app://; fonts and voice clips stay
 * files, never inlined data: URLs (the devices are offline, everything ships); the dev server
 * reads the repository's shared assets (fonts, locales) and listens on loopback only.
 */
import react from '@vitejs/plugin-react';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

/** The version in the nearest package.json above `dir`: the app version devices report. */
function packageVersion(dir: string): string {
  for (let at = dir; ; at = dirname(at)) {
    const file = join(at, 'package.json');
    if (existsSync(file)) {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      const version =
        typeof parsed === 'object' && parsed !== null && 'version' in parsed
          ? parsed.version
          : undefined;
      return typeof version === 'string' ? version : '0.0.0';
    }
    if (dirname(at) === at) return '0.0.0';
  }
}

export function rendererViteConfig(build: RendererBuild): UserConfig {
  return defineConfig({
    root: fileURLToPath(build.root),
    base: './',
    plugins: [react()],
    // The renderer's own version, sent in the sync heartbeat for the console's device list.
    define: { __APP_VERSION__: JSON.stringify(packageVersion(fileURLToPath(build.root))) },
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
