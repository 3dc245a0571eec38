/**
 * Discovery and the auto-detecting hardware transport, with fake HID/serial backends and a
 * fake sysfs tree: readers found through the profile table, unsupported readers named, a reader
 * plugged in after start picked up by the state machine, a broken profile file shown as status.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { err, ok } from '@pls/shared/domain';
import {
  decodeMiaxisOutReport,
  encodeMiaxisInReports,
  ManualClock,
  SamSimulator,
  SAMPLE_CARDS,
  type IdCardReader,
  type ReaderEvent,
} from '@pls/shared/idcard';
import { AutoDetectTransport } from './auto-detect-transport';
import { discoverDevices, unusableReason } from './device-discovery';
import type { HidBackendLoader, HidDeviceInfo, HidHandle } from './hid-backend';
import { openIdCardReader } from './open-id-card-reader';
import { loadReaderProfiles } from './reader-profiles';
import type { SerialBackendLoader } from './serial-backend';

const profiles = loadReaderProfiles({ localPath: '' });
if (!profiles.ok) throw new Error(profiles.error);

const dirs: string[] = [];
const running: IdCardReader[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.stop()));
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function sysfs(devices: Array<[string, string, string]>): string {
  const root = mkdtempSync(join(tmpdir(), 'usb-sysfs-'));
  dirs.push(root);
  devices.forEach(([vendor, product, name], i) => {
    const dir = join(root, `1-${i + 1}`);
    mkdirSync(dir);
    writeFileSync(join(dir, 'idVendor'), `${vendor}\n`);
    writeFileSync(join(dir, 'idProduct'), `${product}\n`);
    writeFileSync(join(dir, 'product'), `${name}\n`);
  });
  return root;
}

/** A Miaxis HID reader that can be attached and detached. */
class MiaxisBench {
  readonly sim = new SamSimulator();
  attached = false;
  private onReport: ((d: Uint8Array) => void) | undefined;

  loader: HidBackendLoader = async () =>
    ok({
      devices: async (): Promise<HidDeviceInfo[]> => [
        {
          vendorId: 0x046d,
          productId: 0xc31c,
          interface: 0,
          path: '/dev/hidraw0',
          product: 'Keyboard',
        },
        ...(this.attached
          ? [
              {
                vendorId: 0x10c4,
                productId: 0x0007,
                interface: 0,
                path: '/dev/hidraw3',
                product: 'MR-300',
              },
            ]
          : []),
      ],
      open: async (path: string): Promise<HidHandle> => {
        if (path !== '/dev/hidraw3' || !this.attached) throw new Error('No such device');
        return {
          write: async (data) => {
            const command = decodeMiaxisOutReport(data.subarray(1));
            if (!command.ok) throw new Error('bad report');
            const reports = encodeMiaxisInReports(this.sim.handle(command.value));
            queueMicrotask(() => reports.forEach((r) => this.onReport?.(r)));
          },
          start: (onReport) => {
            this.onReport = onReport;
          },
          close: async () => undefined,
        };
      },
    });
}

const noSerial: SerialBackendLoader = async () =>
  ok({
    list: async () => [],
    open: async () => {
      throw new Error('none');
    },
  });

describe('discoverDevices', () => {
  it('maps HID, serial and sysfs-only USB devices through the profiles', async () => {
    const bench = new MiaxisBench();
    bench.attached = true;
    const serial: SerialBackendLoader = async () =>
      ok({
        list: async () => [{ path: '/dev/ttyUSB0', vendorId: 0x1a86, productId: 0x7523 }],
        open: async () => {
          throw new Error('not used');
        },
      });
    const found = await discoverDevices({
      profiles: profiles.value,
      loadHid: bench.loader,
      loadSerial: serial,
      usbSysfsRoot: sysfs([
        ['0400', 'c35a', 'SAM USB'],
        ['10c4', '0007', 'MR-300'],
        ['8087', '0024', 'hub'],
      ]),
    });
    expect(found.unavailable).toEqual([]);
    expect(found.devices.map((d) => [d.kind, d.usbId, d.profile?.id, d.usable])).toEqual([
      ['hid', '046d:c31c', undefined, false],
      ['hid', '10c4:0007', 'miaxis-mr300', true],
      ['serial', '1a86:7523', undefined, false],
      ['usb', '0400:c35a', 'sam-usb-bulk', false],
    ]);
    expect(unusableReason(found.devices[3]!)).toMatch(/libusb/);
  });

  it('reports a backend that cannot load instead of failing', async () => {
    const found = await discoverDevices({
      profiles: profiles.value,
      loadHid: async () =>
        err({ kind: 'moduleUnavailable', module: 'node-hid', message: 'no libudev' }),
      loadSerial: noSerial,
      usbSysfsRoot: '/nonexistent',
    });
    expect(found.unavailable).toEqual([
      { kind: 'moduleUnavailable', module: 'node-hid', message: 'no libudev' },
    ]);
  });
});

describe('AutoDetectTransport with the reader state machine', () => {
  it('waits disconnected until a known reader is plugged in, then reads through it', async () => {
    const bench = new MiaxisBench();
    const clock = new ManualClock();
    const { reader, transport } = openIdCardReader({
      clock,
      loadHid: bench.loader,
      loadSerial: noSerial,
      profiles: { localPath: '' },
      timing: { reconnectIntervalMs: 1000 },
    });
    running.push(reader);
    const events: ReaderEvent[] = [];
    reader.subscribe((e) => events.push(e));
    reader.start();
    await clock.runUntil(() => reader.getStatus().kind === 'disconnected', 5000);
    expect(reader.getStatus()).toMatchObject({
      reason: {
        transport: {
          kind: 'notFound',
          message: expect.stringMatching(/no known ID card reader among 1 HID/),
        },
      },
    });
    bench.attached = true;
    expect(await clock.runUntil(() => reader.getStatus().kind === 'waitingForCard', 5000)).toBe(
      true,
    );
    expect(transport.label).toBe('hid 10c4:0007 /dev/hidraw3 (miaxis-mr300)');
    bench.sim.placeCard(SAMPLE_CARDS['foreign-2023']);
    expect(await clock.runUntil(() => events.some((e) => e.type === 'cardRead'), 10_000)).toBe(
      true,
    );
  });

  it('a broken profile file is a config error from open (the reader shows it as its status)', async () => {
    const transport = new AutoDetectTransport({
      profiles: err('reader-profiles.json: profiles[0].match.vendorId must be 4 hex digits'),
      loadHid: new MiaxisBench().loader,
      loadSerial: noSerial,
    });
    expect(await transport.open()).toEqual({
      ok: false,
      error: {
        kind: 'config',
        message: 'reader-profiles.json: profiles[0].match.vendorId must be 4 hex digits',
      },
    });
  });

  it('a known but unsupported reader is named in the error', async () => {
    const transport = new AutoDetectTransport({
      profiles,
      loadHid: new MiaxisBench().loader,
      loadSerial: noSerial,
      usbSysfsRoot: sysfs([['0400', 'c35a', 'SAM USB']]),
    });
    expect(await transport.open()).toMatchObject({
      ok: false,
      error: { kind: 'unsupported', message: expect.stringMatching(/0400:c35a.*libusb/) },
    });
  });
});
