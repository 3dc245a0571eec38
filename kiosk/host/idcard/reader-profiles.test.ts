import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BUILTIN_PROFILES_PATH,
  loadReaderProfiles,
  matchSerialPathProfile,
  matchUsbProfile,
  parseReaderProfiles,
} from './reader-profiles';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempFile(content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'reader-profiles-'));
  dirs.push(dir);
  const path = join(dir, 'profiles.json');
  writeFileSync(path, content);
  return path;
}

describe('the shipped profile table', () => {
  it('loads, and maps the documented VID:PIDs', () => {
    const loaded = loadReaderProfiles({ builtinPath: BUILTIN_PROFILES_PATH, localPath: '' });
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(matchUsbProfile(loaded.value, 0x10c4, 0x0007, 'hid')).toMatchObject({
      id: 'miaxis-mr300',
      transport: 'hid',
      envelope: 'miaxis',
      reportId: 0,
      reportSize: 64,
    });
    expect(matchUsbProfile(loaded.value, 0x203b, 0x0101, 'hid')?.envelope).toBe('miaxis');
    expect(matchUsbProfile(loaded.value, 0x0400, 0xc35a, 'hid')).toMatchObject({
      transport: 'unsupported',
      reason: expect.stringMatching(/libusb/),
    });
    expect(matchUsbProfile(loaded.value, 0x1234, 0x5678, 'hid')).toBeUndefined();
  });
});

describe('technician profiles', () => {
  it('a local file adds a serial reader and overrides a built-in by id', () => {
    const local = tempFile(
      JSON.stringify({
        profiles: [
          {
            id: 'station-serial',
            name: 'reader on COM port',
            match: { path: '/dev/ttyS1' },
            transport: 'serial',
            baudRate: 115200,
          },
          {
            id: 'miaxis-mr300',
            name: 'MR-300 with CVR-style commands',
            match: { vendorId: '10C4', productId: '0x0007' },
            transport: 'hid',
            envelope: 'miaxis',
            commands: { findCard: '00 81', selectCard: '00 82', readText: '00 83' },
            presenceProbe: 'none',
          },
        ],
      }),
    );
    const loaded = loadReaderProfiles({ localPath: local });
    if (!loaded.ok) throw new Error(loaded.error);
    expect(loaded.value.filter((p) => p.id === 'miaxis-mr300')).toHaveLength(1);
    const mr300 = matchUsbProfile(loaded.value, 0x10c4, 0x0007, 'hid');
    expect(mr300).toMatchObject({
      name: 'MR-300 with CVR-style commands',
      commands: { findCard: [0x00, 0x81], selectCard: [0x00, 0x82], readText: [0x00, 0x83] },
      presenceProbe: 'none',
    });
    expect(matchSerialPathProfile(loaded.value, '/dev/ttyS1')).toMatchObject({
      id: 'station-serial',
      baudRate: 115200,
    });
  });

  it('names every mistake with its place', () => {
    const result = parseReaderProfiles({
      profiles: [
        {
          id: 'Bad Id',
          name: '',
          match: { vendorId: '10c', productId: 'zzzz' },
          transport: 'usb',
          envelope: 'vendorx',
          reportId: 300,
          commands: { find: '20 01', readText: '30' },
          colour: 'red',
        },
        { id: 'dup', name: 'a', match: { path: '/dev/ttyS0' }, transport: 'serial' },
        { id: 'dup', name: 'b', match: { path: '/dev/ttyS2' }, transport: 'serial' },
        {
          id: 'nope',
          name: 'c',
          match: { vendorId: '0483', productId: '572b' },
          transport: 'unsupported',
        },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.error.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'profiles[0].colour',
        'profiles[0].id',
        'profiles[0].name',
        'profiles[0].match.vendorId',
        'profiles[0].match.productId',
        'profiles[0].transport',
        'profiles[0].envelope',
        'profiles[0].reportId',
        'profiles[0].commands.find',
        'profiles[0].commands.readText',
        'profiles(dup)',
        'profiles[3].reason',
      ]),
    );
  });

  it('a broken local file is an error naming the file, not a crash', () => {
    const local = tempFile('{"profiles": [ {"id": "x"');
    const loaded = loadReaderProfiles({ localPath: local });
    expect(loaded).toMatchObject({
      ok: false,
      error: expect.stringMatching(/profiles\.json is not valid JSON/),
    });
    expect(loadReaderProfiles({ localPath: '/nonexistent/p.json' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/cannot read/),
    });
    expect(parseReaderProfiles([])).toMatchObject({ ok: false });
  });
});
