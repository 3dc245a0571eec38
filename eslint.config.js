// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'net',
  'http',
  'https',
];
const apps = [
  '@pls/kiosk',
  '@pls/kiosk/*',
  '@pls/tv-client',
  '@pls/tv-client/*',
  '@pls/sync-server',
  '@pls/sync-server/*',
];
const sharedInternals = ['**/shared/src/*', '@pls/shared/src/*'];
const hostOnly = [
  'electron',
  'ws',
  'node-hid',
  'serialport',
  'tesseract.js',
  'pg',
  '@electric-sql/*',
  'fastify',
];

/**
 * Boundary rules from docs/decisions/0001-architecture.md, enforced here instead of by review.
 * Flat config does not merge rule options: a later block replaces an earlier one for the same
 * file, so each block below lists every pattern that applies to its files.
 */
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/.tsbuild/**',
      '**/dist/**',
      '**/out/**',
      'data/**',
      'coverage/**',
      'bench/results/**',
      'e2e/artifacts/**',
      'assets/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
    },
  },
  // Type-aware rules for every TS/TSX file of every package (each is in a tsconfig; the
  // project service finds it through the root's references). A dropped promise hides a failed
  // write or an unhandled rejection; a switch missing a member of a union is a new state the
  // code forgot (docs/decisions/0003-host-composition-and-results.md).
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
    },
  },
  {
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  // shared never imports the apps.
  {
    files: ['shared/**'],
    rules: restrict(apps, 'shared imports nothing from the apps.'),
  },
  // shared/domain, protocol and idcard are pure: no I/O, no React, no Node.
  {
    files: ['shared/src/domain/**', 'shared/src/protocol/**', 'shared/src/idcard/**'],
    ignores: ['**/*.test.ts'],
    rules: restrict(
      [
        ...apps,
        ...nodeBuiltins,
        ...hostOnly,
        'react',
        'react-dom',
        'rxdb',
        'rxdb/*',
        'i18next',
        '../ui/*',
        '../db/*',
        '../sync/*',
      ],
      'domain, protocol and idcard are pure: no I/O, no React, no database, no apps.',
    ),
  },
  // Apps use shared only through its subpath exports.
  {
    files: ['kiosk/**', 'tv-client/**', 'sync-server/**', 'e2e/**', 'bench/**'],
    rules: restrict(
      sharedInternals,
      'Import shared through its subpath exports (@pls/shared/domain, …), not its src/.',
    ),
  },
  // Renderers never import Electron or Node: they talk to the host through the typed bridge.
  {
    files: ['kiosk/src/**', 'tv-client/src/**', 'sync-server/console/**'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: restrict(
      [...sharedInternals, ...nodeBuiltins, ...hostOnly],
      'Renderer code talks to the host only through the typed bridge (window.kiosk / window.tv) and uses shared through its subpath exports.',
    ),
  },
  {
    files: [
      'shared/src/ui/**',
      'shared/src/print/**',
      'shared/src/i18n/**',
      'shared/src/voice/**',
      'shared/src/search/**',
      'shared/src/db/**',
      'shared/src/sync/**',
    ],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: restrict(
      [...apps, ...nodeBuiltins, ...hostOnly],
      'This part of shared runs in the renderer: no Node modules or host-only packages.',
    ),
  },
  // The server never imports UI code.
  {
    files: ['sync-server/src/**'],
    rules: restrict(
      [
        ...sharedInternals,
        'react',
        'react-dom',
        '@pls/shared/ui',
        '@pls/shared/print',
        'react-i18next',
      ],
      'The server never imports UI code.',
    ),
  },
);
