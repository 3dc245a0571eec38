/**
 * NodeHidTransport against a simulated HID reader: a device behind the HidBackend interface
 * that answers 65-byte writes (report ID + 64-byte OUT report) with IN reports, in the raw or
 * Miaxis envelope, with or without numbered reports. Exercises envelope, report ID handling,
 * frames split over reports, corrupt reports and unplugging, through the real state machine.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { err, ok } from '@pls/shared/domain';
import {
  createRawEnvelope,
  createSamReader,
  decodeMiaxisOutReport,
  encodeMiaxisInReports,
  ManualClock,
  SamSimulator,
  SAMPLE_CARDS,
  samCommandSet,
  withReportId,
  type IdCardReader,
  type ReaderEvent,
} from '@pls/shared/idcard';
import type { HidBackend, HidBackendLoader, HidHandle } from './hid-backend';
import { NodeHidTransport } from './node-hid-transport';
import { parseReaderProfiles, type ReaderProfile } from './reader-profiles';

function profile(overrides: Record<string, unknown> = {}): ReaderProfile {
  const parsed = parseReaderProfiles({
    profiles: [
      {
        id: 'test-reader',
        name: 'test reader',
        match: { vendorId: '10c4', productId: '0007' },
        transport: 'hid',
        envelope: 'miaxis',
        ...overrides,
      },
    ],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value[0]!;
}

/** A HID reader: SAM model inside, envelope and report IDs on the wire. */
class SimulatedHidDevice implements HidHandle {
  readonly writes: Uint8Array[] = [];
  private onReport: ((data: Uint8Array) => void) | undefined;
  private onError: ((error: Error) => void) | undefined;
  corruptNextReport = false;
  closed = false;

  constructor(
    readonly sim: SamSimulator,
    readonly envelope: 'raw' | 'miaxis',
    readonly reportId: number,
  ) {}

  async write(data: Uint8Array): Promise<void> {
    if (this.closed) throw new Error('device closed');
    this.writes.push(data);
    if (data.length !== 65 || data[0] !== this.reportId)
      throw new Error('bad write length or report ID');
    const report = data.subarray(1);
    let command: Uint8Array;
    if (this.envelope === 'miaxis') {
      const decoded = decodeMiaxisOutReport(report);
      if (!decoded.ok) throw new Error(`bad OUT report ${JSON.stringify(decoded.error)}`);
      command = decoded.value;
    } else {
      // Raw: the command frame is at the start of the zero-padded report.
      const len = (report[5]! << 8) | report[6]!;
      command = report.slice(0, 7 + len);
    }
    const reply = this.sim.handle(command);
    const reports =
      this.envelope === 'miaxis' ? encodeMiaxisInReports(reply) : createRawEnvelope().encode(reply);
    queueMicrotask(() => {
      for (const r of reports) {
        const out = this.reportId === 0 ? r : withReportId(r, this.reportId);
        if (this.corruptNextReport) {
          this.corruptNextReport = false;
          out[10] = out[10]! ^ 0x01;
        }
        this.onReport?.(out);
      }
    });
  }

  start(onReport: (data: Uint8Array) => void, onError: (error: Error) => void): void {
    this.onReport = onReport;
    this.onError = onError;
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  unplug(): void {
    this.onError?.(new Error('could not read from HID device'));
  }
}

function backendWith(device: SimulatedHidDevice | Error): HidBackendLoader {
  const backend: HidBackend = {
    async devices() {
      return [{ vendorId: 0x10c4, productId: 0x0007, interface: 0, path: '/dev/hidraw7' }];
    },
    async open() {
      if (device instanceof Error) throw device;
      device.closed = false;
      return device;
    },
  };
  return async () => ok(backend);
}

const running: IdCardReader[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.stop()));
});

function run(transport: NodeHidTransport) {
  const clock = new ManualClock();
  const reader = createSamReader({ transport, clock });
  const events: ReaderEvent[] = [];
  reader.subscribe((e) => events.push(e));
  reader.start();
  running.push(reader);
  const until = async (p: () => boolean) => {
    if (!(await clock.runUntil(p, 20_000)))
      throw new Error(`not reached: ${JSON.stringify(events)}`);
  };
  return { reader, events, until, clock };
}

const device = { vendorId: 0x10c4, productId: 0x0007, interface: 0, path: '/dev/hidraw7' };

describe('NodeHidTransport', () => {
  it.each([
    ['miaxis', 0],
    ['miaxis', 3],
    ['raw', 0],
    ['raw', 2],
  ] as const)('reads a card through the %s envelope, report ID %i', async (envelope, reportId) => {
    const sim = new SamSimulator();
    const hid = new SimulatedHidDevice(sim, envelope, reportId);
    const transport = new NodeHidTransport({
      loadBackend: backendWith(hid),
      device,
      profile: profile({ envelope, reportId }),
    });
    expect(transport.label).toBe('hid 10c4:0007 /dev/hidraw7 (test-reader)');
    const r = run(transport);
    await r.until(() => r.reader.getStatus().kind === 'waitingForCard');
    sim.placeCard(SAMPLE_CARDS['foreign-2017']);
    await r.until(() => r.events.some((e) => e.type === 'cardRead'));
    expect(r.events.find((e) => e.type === 'cardRead')).toMatchObject({
      card: { cardType: 'foreign-2017', englishName: 'BOLD GANBAATAR', idNumberValid: true },
    });
    expect(hid.writes.every((w) => w.length === 65 && w[0] === reportId)).toBe(true);
  });

  it('the first Miaxis write is the documented find-card report', async () => {
    const sim = new SamSimulator();
    const hid = new SimulatedHidDevice(sim, 'miaxis', 0);
    const transport = new NodeHidTransport({
      loadBackend: backendWith(hid),
      device,
      profile: profile(),
    });
    await transport.open();
    await transport.write(
      new Uint8Array([0xaa, 0xaa, 0xaa, 0x96, 0x69, 0x00, 0x03, 0x20, 0x01, 0x22]),
    );
    expect(Array.from(hid.writes[0]!.subarray(0, 20))).toEqual([
      0x00, 0x88, 0x00, 0x00, 0x0b, 0x00, 0xb1, 0xaa, 0xaa, 0xaa, 0x96, 0x69, 0x00, 0x03, 0x20,
      0x01, 0x22, 0xff, 0x03, 0x00,
    ]);
    await transport.close();
  });

  it('a corrupt report is a warning; the read is retried and succeeds', async () => {
    const sim = new SamSimulator();
    const hid = new SimulatedHidDevice(sim, 'miaxis', 0);
    const transport = new NodeHidTransport({
      loadBackend: backendWith(hid),
      device,
      profile: profile(),
    });
    const warnings: string[] = [];
    transport.subscribe((e) => {
      if (e.type === 'warning') warnings.push(e.warning.message);
    });
    const r = run(transport);
    await r.until(() => r.reader.getStatus().kind === 'waitingForCard');
    hid.corruptNextReport = true;
    await r.clock.advance(2000);
    sim.placeCard(SAMPLE_CARDS.resident);
    await r.until(() => r.events.some((e) => e.type === 'cardRead'));
    expect(warnings.some((w) => /SUM16/.test(w))).toBe(true);
  });

  it('vendor command codes from the profile are used on the wire', async () => {
    const commands = { findCard: [0x00, 0x81], selectCard: [0x00, 0x82], readText: [0x00, 0x83] };
    const sim = new SamSimulator({ commands: samCommandSet(commands) });
    const hid = new SimulatedHidDevice(sim, 'miaxis', 0);
    const transport = new NodeHidTransport({
      loadBackend: backendWith(hid),
      device,
      profile: profile({ commands: { findCard: '00 81', selectCard: '00 82', readText: '00 83' } }),
    });
    const r = run(transport);
    sim.placeCard(SAMPLE_CARDS.resident);
    await r.until(() => r.events.some((e) => e.type === 'cardRead'));
    expect(sim.log).toContain('findCard');
  });

  it('unplugging (a read error from hidapi) closes the link; the reader shows disconnected', async () => {
    const sim = new SamSimulator();
    const hid = new SimulatedHidDevice(sim, 'miaxis', 0);
    const transport = new NodeHidTransport({
      loadBackend: backendWith(hid),
      device,
      profile: profile(),
    });
    const r = run(transport);
    await r.until(() => r.reader.getStatus().kind === 'waitingForCard');
    hid.unplug();
    await r.until(() => r.reader.getStatus().kind === 'disconnected');
    expect(r.reader.getStatus()).toMatchObject({
      reason: {
        transport: { kind: 'disconnected', message: expect.stringMatching(/could not read/) },
      },
    });
    expect(hid.closed).toBe(true);
  });

  it('a device that cannot be opened and a missing node-hid are statuses, not crashes', async () => {
    const failing = new NodeHidTransport({
      loadBackend: backendWith(new Error('permission denied')),
      device,
      profile: profile(),
    });
    expect(await failing.open()).toMatchObject({
      ok: false,
      error: { kind: 'openFailed', message: expect.stringMatching(/permission denied/) },
    });
    const missing = new NodeHidTransport({
      loadBackend: async () =>
        err({
          kind: 'moduleUnavailable',
          module: 'node-hid',
          message: 'libudev.so.1: cannot open',
        }),
      device,
      profile: profile(),
    });
    const r = run(missing);
    await r.until(() => r.reader.getStatus().kind === 'disconnected' && r.events.length > 1);
    expect(r.reader.getStatus()).toMatchObject({
      reason: { code: 'transport', transport: { kind: 'moduleUnavailable', module: 'node-hid' } },
    });
    expect(await missing.write(new Uint8Array(3))).toMatchObject({
      ok: false,
      error: { kind: 'writeFailed' },
    });
  });
});
