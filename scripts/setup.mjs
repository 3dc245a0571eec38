#!/usr/bin/env node
// Prepares a fresh machine for `npm start` and `npm test`: system packages (Debian/apt), then
// npm packages. Uses only Node built-ins, so it runs before node_modules exists. Idempotent and
// quick when nothing changed.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Debian packages, each with a file that proves it is installed and why we need it. */
const SYSTEM_PACKAGES = [
  {
    pkg: 'chromium',
    probe: '/usr/bin/chromium',
    why: 'renderer e2e tests, screenshots, print-to-PDF',
  },
  { pkg: 'poppler-utils', probe: '/usr/bin/pdftotext', why: 'reading printed PDFs back in tests' },
  { pkg: 'zbar-tools', probe: '/usr/bin/zbarimg', why: 'decoding printed QR codes in tests' },
  {
    pkg: 'fonts-noto-cjk',
    probe: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
    why: 'Chinese glyphs in Chromium and PDFs',
  },
  {
    pkg: 'libusb-1.0-0',
    probe: [
      '/usr/lib/x86_64-linux-gnu/libusb-1.0.so.0',
      '/usr/lib/aarch64-linux-gnu/libusb-1.0.so.0',
    ],
    why: 'node-hid (ID card readers)',
  },
  { pkg: 'udev', probe: '/usr/bin/udevadm', why: 'serialport device listing' },
  { pkg: 'opus-tools', probe: '/usr/bin/opusenc', why: 'encoding voice clips (voice:generate-zh)' },
];

function log(message) {
  console.log(`[setup] ${message}`);
}

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function installed(probe) {
  return (Array.isArray(probe) ? probe : [probe]).some((p) => existsSync(p));
}

function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    console.error(
      `[setup] Node ${process.versions.node} is too old: this project needs Node 20.19 or newer (22/24 work too).`,
    );
    process.exit(1);
  }
}

function ensureSystemPackages() {
  const missing = SYSTEM_PACKAGES.filter((p) => !installed(p.probe));
  if (missing.length === 0) return;
  const names = missing.map((p) => p.pkg);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = !isRoot && has('sudo') ? ['sudo', '-n'] : [];
  if (!has('apt-get') || (!isRoot && sudo.length === 0)) {
    console.warn(
      `[setup] Missing system packages (install them yourself, e.g. apt-get install ${names.join(' ')}):\n` +
        missing.map((p) => `  - ${p.pkg}: ${p.why}`).join('\n'),
    );
    return;
  }
  log(`installing Debian packages: ${names.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) =>
    execFileSync(sudo[0] ?? args[0], sudo.length ? [...sudo.slice(1), ...args] : args.slice(1), {
      stdio: 'inherit',
      env,
    });
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...names]);
}

function lockHash() {
  const lock = join(root, 'package-lock.json');
  return existsSync(lock)
    ? createHash('sha256').update(readFileSync(lock)).digest('hex')
    : 'no-lock';
}

function ensureNpmPackages() {
  const stamp = join(root, 'node_modules', '.setup-stamp');
  const want = `${lockHash()} node-${process.versions.node}`;
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return;
  const useCi = existsSync(join(root, 'package-lock.json'));
  log(`${useCi ? 'npm ci' : 'npm install'} (first run or package-lock.json changed)`);
  const result = spawnSync('npm', [useCi ? 'ci' : 'install', '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stamp, want);
}

checkNode();
ensureSystemPackages();
ensureNpmPackages();
