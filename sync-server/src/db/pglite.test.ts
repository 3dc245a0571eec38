import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PGLITE_SHARED_BUFFERS, openPglite } from './pglite';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('openPglite', () => {
  it('initialises a new directory, keeps its data across a reopen and sets shared_buffers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pls-pglite-'));
    dirs.push(dir);
    const first = await openPglite(join(dir, 'pglite'));
    await first.exec('create table kept (v text)');
    await first.query('insert into kept values ($1)', ['蒙古文 ᠮᠣᠩᠭᠣᠯ']);
    const setting = await first.query<{ shared_buffers: string }>('show shared_buffers');
    expect(setting.rows[0]?.shared_buffers).toBe(DEFAULT_PGLITE_SHARED_BUFFERS);
    await first.close();

    const second = await openPglite(join(dir, 'pglite'), { sharedBuffers: '16MB' });
    const rows = await second.query<{ v: string }>('select v from kept');
    expect(rows.rows).toEqual([{ v: '蒙古文 ᠮᠣᠩᠭᠣᠯ' }]);
    const changed = await second.query<{ shared_buffers: string }>('show shared_buffers');
    expect(changed.rows[0]?.shared_buffers).toBe('16MB');
    await second.close();
  }, 60_000);

  it('refuses a shared_buffers value that is not a size', async () => {
    await expect(openPglite('memory://', { sharedBuffers: '1; drop' })).rejects.toThrow(
      /not a size/,
    );
  });
});
