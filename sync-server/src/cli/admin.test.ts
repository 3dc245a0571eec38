/**
 * The admin CLI as an operator runs it, on a PGlite data directory: directly when no server
 * runs, through the running server when one does (never opening the files a server holds),
 * and a second server on the same directory refuses to start.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '../config';
import { startChildServer, type ChildServer } from '../testing/child-server';

const dataDir = mkdtempSync(join(tmpdir(), 'pls-admin-'));
let server: ChildServer | undefined;

function admin(...argv: string[]) {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(REPOSITORY_ROOT, 'sync-server/src/cli/admin.ts'), ...argv],
    {
      cwd: REPOSITORY_ROOT,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  return { code: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('admin CLI on PGlite', () => {
  it('works without a server, and through a running one', async () => {
    // No server: the CLI opens the data directory itself (under its lock).
    const added = admin(
      'add-station',
      'station-cli-test',
      '--name',
      '命令行测试站',
      '--region',
      '152502',
    );
    expect(added).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('station-cli-test added'),
    });

    // A server runs: the same commands go through it.
    server = await startChildServer({ DATA_DIR: dataDir, DATABASE_URL: '' });
    const again = admin('add-station', 'station-cli-test', '--name', '命令行测试站');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    const code = admin('enroll-code', '--kind', 'kiosk', '--station', 'station-cli-test');
    expect(code.code).toBe(0);
    const enrollCode = code.stdout.split('\n').at(-1)!;
    expect(enrollCode).toMatch(/^[2-9A-HJ-NP-TV-Z]{4}-[2-9A-HJ-NP-TV-Z]{4}$/);
    const enrolled = await fetch(`${server.url}/api/devices/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: enrollCode, kind: 'kiosk', name: 'cli kiosk' }),
    });
    const { deviceId } = (await enrolled.json()) as { deviceId: string };
    const devices = admin('devices');
    expect(devices.code).toBe(0);
    expect(devices.stdout).toContain(deviceId);
    expect(admin('revoke', deviceId)).toMatchObject({ code: 0 });
    expect(admin('frobnicate').code).toBe(2);

    const second = await startChildServer({ DATA_DIR: dataDir, DATABASE_URL: '' }).then(
      (s) => s.stop().then(() => 'started'),
      (error: Error) => error.message,
    );
    expect(second).toContain('in use by process');
  }, 120_000);
});
