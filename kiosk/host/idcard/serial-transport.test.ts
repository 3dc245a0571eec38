/**
 * SerialTransport over serialport's own mock binding (the real SerialPortStream code runs),
 * with a SAM reader model answering on the other end of the "cable".
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SerialPortMock } from 'serialport';
import {
  createSamReader,
  ManualClock,
  SamSimulator,
  SAMPLE_CARDS,
  type IdCardReader,
  type ReaderEvent,
} from '@pls/shared/idcard';
import { parseReaderProfiles } from './reader-profiles';
import { createSerialBackend, type PortClass } from './serial-backend';
import { SerialTransport } from './serial-transport';

const PATH = '/dev/ttyUSB-reader';

/** Wraps a SerialPortMock; every write is answered by the SAM model, in two pieces. */
function readerPortClass(sim: SamSimulator, ports: SerialPortMock[]): PortClass {
  return class ReaderPort {
    private readonly port: SerialPortMock;
    constructor(options: ConstructorParameters<PortClass>[0]) {
      this.port = new SerialPortMock(options);
      ports.push(this.port);
    }
    static list() {
      return SerialPortMock.list();
    }
    get isOpen() {
      return this.port.isOpen;
    }
    open(callback: (error: Error | null) => void) {
      this.port.open(callback);
    }
    write(data: Buffer, callback: (error: Error | null | undefined) => void) {
      return this.port.write(data, (e) => {
        callback(e);
        if (e) return;
        const reply = Buffer.from(sim.handle(new Uint8Array(data)));
        // The mock binding's way of making bytes arrive from the device.
        const binding = this.port.port as unknown as { emitData(data: Buffer): void };
        const half = Math.floor(reply.length / 2);
        binding.emitData(reply.subarray(0, half));
        binding.emitData(reply.subarray(half));
      });
    }
    drain(callback: (error: Error | null) => void) {
      this.port.drain(callback);
    }
    close(callback: (error: Error | null) => void) {
      this.port.close(callback);
    }
    on(event: string, listener: (...args: unknown[]) => void) {
      this.port.on(event, listener);
      return this;
    }
  } as unknown as PortClass;
}

function serialProfile() {
  const parsed = parseReaderProfiles({
    profiles: [
      {
        id: 'serial-test',
        name: 'serial test reader',
        match: { path: PATH },
        transport: 'serial',
      },
    ],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value[0]!;
}

const running: IdCardReader[] = [];
beforeEach(() => {
  // The binding serialport itself uses (the package also ships an ESM copy with its own ports).
  SerialPortMock.binding.reset();
  SerialPortMock.binding.createPort(PATH, {
    echo: false,
    record: false,
    vendorId: '1a86',
    productId: '7523',
  });
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.stop()));
});

describe('SerialTransport', () => {
  it('opens at 115200 8N1 and reads a card', async () => {
    const sim = new SamSimulator();
    const ports: SerialPortMock[] = [];
    const backend = createSerialBackend(readerPortClass(sim, ports));
    expect(await backend.list()).toEqual([
      expect.objectContaining({ path: PATH, vendorId: 0x1a86, productId: 0x7523 }),
    ]);
    const transport = new SerialTransport({
      loadBackend: async () => ({ ok: true, value: backend }),
      path: PATH,
      profile: serialProfile(),
    });
    expect(transport.label).toBe(`serial ${PATH} @115200 (serial-test)`);
    const clock = new ManualClock();
    const reader = createSamReader({ transport, clock });
    running.push(reader);
    const events: ReaderEvent[] = [];
    reader.subscribe((e) => events.push(e));
    reader.start();
    expect(await clock.runUntil(() => reader.getStatus().kind === 'waitingForCard', 10_000)).toBe(
      true,
    );
    expect(ports[0]!.baudRate).toBe(115200);
    sim.placeCard(SAMPLE_CARDS.resident);
    expect(await clock.runUntil(() => events.some((e) => e.type === 'cardRead'), 10_000)).toBe(
      true,
    );
    expect(events.find((e) => e.type === 'cardRead')).toMatchObject({ card: { name: '巴特尔' } });
  });

  it('an unplugged adapter closes the link with a disconnected error', async () => {
    const sim = new SamSimulator();
    const ports: SerialPortMock[] = [];
    const transport = new SerialTransport({
      loadBackend: async () => ({
        ok: true,
        value: createSerialBackend(readerPortClass(sim, ports)),
      }),
      path: PATH,
      profile: serialProfile(),
    });
    expect(await transport.open()).toEqual({ ok: true, value: undefined });
    const closed = new Promise((resolve) =>
      transport.subscribe((e) => {
        if (e.type === 'closed') resolve(e.error);
      }),
    );
    // What SerialPortStream does when a read fails because the adapter is gone.
    ports[0]!.close(
      undefined,
      Object.assign(new Error('device reports readiness to read but returned no data'), {
        disconnected: true,
      }),
    );
    await expect(closed).resolves.toMatchObject({
      kind: 'disconnected',
      message: expect.stringMatching(/no data/),
    });
    expect(await transport.write(new Uint8Array([1]))).toMatchObject({
      ok: false,
      error: { kind: 'writeFailed' },
    });
  });

  it('a port that does not exist fails to open with the reason', async () => {
    const transport = new SerialTransport({
      loadBackend: async () => ({
        ok: true,
        value: createSerialBackend(SerialPortMock as unknown as PortClass),
      }),
      path: '/dev/ttyNOPE',
      profile: serialProfile(),
    });
    expect(await transport.open()).toMatchObject({
      ok: false,
      error: { kind: 'openFailed', message: expect.stringMatching(/does not exist/) },
    });
  });
});
