/**
 * The admin command table: the usage text is generated from it and matches what each command
 * accepts; bad invocations are refused (exit 2) before any service or the database is touched.
 */
import { describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import { ADMIN_COMMANDS, ADMIN_USAGE, adminUsage, runAdminCommand } from './admin-commands';

/** A database that fails the test if a refused command reaches it. */
const untouchable = new Proxy({} as Database, {
  get(_target, property) {
    throw new Error(`the database was touched (${String(property)})`);
  },
});
const ctx = { db: untouchable, contentDir: '', now: () => new Date() };

describe('admin command table', () => {
  it('the usage names every command, and every flag of a synopsis is accepted (and only those)', () => {
    const usage = ADMIN_USAGE.join('\n');
    for (const command of ADMIN_COMMANDS) {
      expect(usage).toContain(`  ${command.name}`);
      expect(usage).toContain(command.summary);
      const shown = [...command.synopsis.join(' ').matchAll(/--([a-z][a-z0-9-]*)/g)].map(
        (m) => m[1],
      );
      expect(new Set(shown), command.name).toEqual(new Set(command.flags));
    }
    expect(new Set(ADMIN_COMMANDS.map((c) => c.name)).size).toBe(ADMIN_COMMANDS.length);
  });

  it('a new command appears in the usage by being in the table', () => {
    const usage = adminUsage([
      {
        name: 'demo',
        synopsis: ['<x>'],
        summary: 'does a demo',
        flags: [],
        run: async () => ({ exitCode: 0, output: [] }),
      },
    ]);
    expect(usage[1]).toMatch(/^ {2}demo <x> +does a demo$/);
  });

  it.each([
    [['add-station'], 'usage: add-station <id>'],
    [['add-station', 'x', '--name', 'n', '--colour', 'red'], "Unknown option '--colour'"],
    [['enroll-code', '--kind', 'kiosk'], 'usage: enroll-code'],
    [
      ['enroll-code', '--kind', 'kiosk', '--station', 's', '--ttl-hours', 'soon'],
      '--ttl-hours must be a number',
    ],
    [['set-config', '--station', 's'], 'nothing to change'],
    [['set-config', '--station', 's', '--device', 'd', '--voice', 'on'], 'give --station'],
    [['set-config', '--device', 'd', '--voice', 'loud'], '--voice must be on or off'],
    [['case-status', 'K7QM'], 'usage: case-status'],
    [['answer', 'K7QM', '--text', 'x', '--language', 'en'], '--language must be one of'],
    [['publish', 'users', 'f.json'], 'usage: publish'],
    [['frobnicate'], 'unknown command "frobnicate"'],
  ])('%j is refused with exit 2 before any service runs', async (argv, message) => {
    const out = await runAdminCommand(argv, ctx);
    expect(out.exitCode).toBe(2);
    expect(out.output.join('\n')).toContain(message);
  });

  it('help prints the generated usage', async () => {
    expect(await runAdminCommand(['help'], ctx)).toEqual({ exitCode: 0, output: [...ADMIN_USAGE] });
    expect((await runAdminCommand([], ctx)).exitCode).toBe(2);
  });
});
