/**
 * The technician CLI (`npm run idcard`) on the fixture files, the simulator and fake device
 * backends. Also checks that the fixture files still equal what fixtures.ts builds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ok } from '@pls/shared/domain';
import { ManualClock, SAMPLE_CARDS } from '@pls/shared/idcard';
import { buildIdCardFixtures } from '../test/fixtures/idcard/fixtures';
import { runIdCardCommand, type IdCardCommandDeps } from './idcard-command';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../test/fixtures/idcard');

async function run(argv: string[], deps: IdCardCommandDeps = {}) {
  const out: string[] = [];
  const errs: string[] = [];
  const code = await runIdCardCommand(
    argv,
    { stdout: (l) => out.push(l), stderr: (l) => errs.push(l) },
    deps,
  );
  return { code, stdout: out.join('\n'), stderr: errs.join('\n') };
}

const fixture = (name: string) => join(FIXTURES, name);

describe('fixtures', () => {
  it('the files on disk are exactly what fixtures.ts builds', () => {
    const built = buildIdCardFixtures();
    const onDisk = readdirSync(FIXTURES)
      .filter((f) => /\.(bin|hex)$/.test(f))
      .sort();
    expect(onDisk).toEqual(Object.keys(built).sort());
    for (const [name, content] of Object.entries(built)) {
      const file = readFileSync(fixture(name));
      expect(Buffer.compare(file, Buffer.from(content)), name).toBe(0);
    }
  });
});

describe('idcard decode', () => {
  it.each(['read-resident.bin', 'read-resident.hex', 'noise-before.hex'])(
    '%s → the resident card JSON',
    async (file) => {
      const r = await run(['decode', fixture(file)]);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual({
        cardType: 'resident',
        name: '巴特尔',
        sex: 'male',
        nation: { code: '02', name: '蒙古' },
        birthDate: '1968-03-15',
        address: '内蒙古自治区锡林郭勒盟阿巴嘎旗别力古台镇示例嘎查12号',
        idNumber: SAMPLE_CARDS.resident.idNumber,
        idNumberValid: true,
        issuer: '阿巴嘎旗公安局',
        validFrom: '2015-06-01',
        validTo: 'long-term',
      });
    },
  );

  it.each([
    ['read-hmt-permit.bin', 'hmt-permit'],
    ['read-foreign-2017.bin', 'foreign-2017'],
    ['read-foreign-2023.bin', 'foreign-2023'],
    ['read-resident-fingerprint.hex', 'resident'],
  ])('%s → cardType %s', async (file, cardType) => {
    const r = await run(['decode', fixture(file)]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ cardType, idNumberValid: true });
    expect(r.stdout).not.toMatch(/photo/);
  });

  it('a Miaxis HID report capture with --envelope=miaxis', async () => {
    const r = await run([
      'decode',
      fixture('read-hmt-permit-miaxis-reports.bin'),
      '--envelope=miaxis',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ cardType: 'hmt-permit', passNumber: 'H60000001' });
  });

  it.each([
    ['bad-checksum.hex', /bad checksum/],
    ['truncated.hex', /truncated: the header announces 1295 bytes, only 600 present/],
    ['unknown-card-type.bin', /unknown card type: marker U\+005A 'Z'/],
    ['doc-find-no-card.bin', /reader status 80 寻找证\/卡失败 \(no card\)/],
    ['doc-select-failed.bin', /reader status 81 选取证\/卡失败/],
    ['doc-read-failed.bin', /reader status 41 读证\/卡操作失败/],
  ])('%s exits 1 naming the reason', async (file, reason) => {
    const r = await run(['decode', fixture(file)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(reason);
  });

  it('the doc find/select success replies', async () => {
    expect(
      JSON.parse((await run(['decode', fixture('doc-find-card-present.bin')])).stdout),
    ).toEqual({
      reply: 'cardFound',
      status: '9F 寻找证/卡成功 (card found)',
    });
    expect(JSON.parse((await run(['decode', fixture('doc-select-ok.bin')])).stdout)).toEqual({
      reply: 'cardSelected',
    });
  });

  it('usage errors exit 2', async () => {
    expect((await run(['decode'])).code).toBe(2);
    expect((await run(['decode', '/nonexistent.bin'])).stderr).toMatch(/cannot read/);
    expect((await run(['decode', fixture('read-resident.bin'), '--envelope=usb'])).code).toBe(2);
    expect((await run(['frobnicate'])).code).toBe(2);
    expect((await run(['--help'])).code).toBe(0);
  });
});

describe('idcard read', () => {
  it('--simulate=TYPE prints the card and exits 0', async () => {
    const clock = new ManualClock();
    const pending = run(['read', '--simulate=foreign-2023'], { reader: { clock } });
    let result: Awaited<typeof pending> | undefined;
    void pending.then((r) => (result = r));
    await clock.runUntil(() => result !== undefined, 10_000);
    expect(result?.code).toBe(0);
    expect(JSON.parse(result!.stdout)).toMatchObject({
      cardType: 'foreign-2023',
      englishName: 'ALEXANDRA KATHERINE MONTGOMERY-WORTHINGTON',
    });
    expect(result!.stderr).toMatch(/waitingForCard via simulated reader/);
  });

  it('no reader attached: exits 1 at once with the reason', async () => {
    const none = async () =>
      ok({
        devices: async () => [],
        open: async () => {
          throw new Error('x');
        },
      });
    const noSerial = async () =>
      ok({
        list: async () => [],
        open: async () => {
          throw new Error('x');
        },
      });
    const clock = new ManualClock();
    const pending = run(['read'], {
      reader: { clock, loadHid: none, loadSerial: noSerial, profiles: { localPath: '' } },
    });
    let result: Awaited<typeof pending> | undefined;
    void pending.then((r) => (result = r));
    await clock.runUntil(() => result !== undefined, 10_000);
    expect(result?.code).toBe(1);
    expect(result?.stderr).toMatch(/notFound: no known ID card reader/);
  });

  it('no card within --timeout: exits 1 with the reader state', async () => {
    const clock = new ManualClock();
    // The simulator with nothing on it.
    const pending = run(['read', '--timeout=3'], { reader: { clock, simulate: true } });
    let result: Awaited<typeof pending> | undefined;
    void pending.then((r) => (result = r));
    await clock.runUntil(() => result !== undefined, 10_000);
    expect(result?.code).toBe(1);
    expect(result?.stderr).toMatch(/no card read within 3 s \(reader: waitingForCard\)/);
  });
});

describe('idcard list and ocr', () => {
  it('list names known readers, unusable ones with the reason, and other devices', async () => {
    const hid = async () =>
      ok({
        devices: async () => [
          {
            vendorId: 0x10c4,
            productId: 0x0007,
            interface: 0,
            path: '/dev/hidraw3',
            product: 'MR-300',
          },
          { vendorId: 0x0483, productId: 0x572b, interface: 0, path: '/dev/hidraw4' },
          {
            vendorId: 0x046d,
            productId: 0xc31c,
            interface: 0,
            path: '/dev/hidraw0',
            product: 'Keyboard',
          },
        ],
        open: async () => {
          throw new Error('not used');
        },
      });
    const serial = async () =>
      ok({
        list: async () => [{ path: '/dev/ttyS0' }],
        open: async () => {
          throw new Error('x');
        },
      });
    const find = {
      loadHid: hid,
      loadSerial: serial,
      profiles: { localPath: '' },
      usbSysfsRoot: '/nonexistent',
    };
    const text = await run(['list'], { find });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      /hid 10c4:0007 \/dev\/hidraw3 {2}Miaxis 中正 MR-300 \(HID\) \[miaxis-mr300\] {2}ready/,
    );
    expect(text.stdout).toMatch(/0483:572b.*not usable: not a local SAM reader/);
    expect(text.stdout).toMatch(/hid 046d:c31c \/dev\/hidraw0 Keyboard/);
    const json = JSON.parse((await run(['list', '--json'], { find })).stdout);
    expect(json.devices[0]).toMatchObject({
      usable: true,
      profile: { id: 'miaxis-mr300', transport: 'hid' },
    });
  });

  it('ocr dispatches to the OCR service with the remaining arguments', async () => {
    const calls: string[][] = [];
    const r = await run(['ocr', 'card.png', '--id-only'], {
      ocr: async (args, io) => {
        calls.push([...args]);
        io.stdout('{"name":null}');
        return 3;
      },
    });
    expect(calls).toEqual([['card.png', '--id-only']]);
    expect(r).toMatchObject({ code: 3, stdout: '{"name":null}' });
  });
});
