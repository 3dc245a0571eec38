/**
 * The reader state machine against the simulated reader: a card placed, read, left on the
 * reader, lifted, put back, replaced; the reader unplugged and replugged; slow and failing
 * readers. Time is simulated (ManualClock): nothing here waits on the wall clock.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  ManualClock,
  readerEventMessage,
  SAMPLE_CARDS,
  SAMPLE_RESIDENT_2,
  type IdCardReader,
  type ReaderEvent,
  type SimulatedCard,
} from '@pls/shared/idcard';
import { openIdCardReader, type OpenIdCardReaderOptions } from './open-id-card-reader';
import type { SimulatorControl } from './simulated-transport';

interface Harness {
  readonly clock: ManualClock;
  readonly reader: IdCardReader;
  readonly control: SimulatorControl;
  readonly events: ReaderEvent[];
  /** Event types since the last call, statusChanged shown as `status:<kind>`. */
  take(): string[];
  until(predicate: () => boolean, maxMs?: number): Promise<void>;
  commands(): string[];
}

const running: IdCardReader[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.stop()));
});

function start(options: OpenIdCardReaderOptions = {}): Harness {
  const clock = new ManualClock();
  const opened = openIdCardReader({ simulate: true, clock, ...options });
  if (opened.control === undefined) throw new Error('simulator has a control handle');
  const control = opened.control;
  const events: ReaderEvent[] = [];
  let taken = 0;
  opened.reader.subscribe((e) => events.push(e));
  opened.reader.start();
  running.push(opened.reader);
  const transport = opened.transport as unknown as { simulator: { log: string[] } };
  return {
    clock,
    reader: opened.reader,
    control,
    events,
    take() {
      const out = events
        .slice(taken)
        .map((e) => (e.type === 'statusChanged' ? `status:${e.status.kind}` : e.type));
      taken = events.length;
      return out;
    },
    async until(predicate, maxMs = 20_000) {
      if (!(await clock.runUntil(predicate, maxMs))) {
        throw new Error(
          `condition not reached in ${maxMs} ms simulated; events: ${JSON.stringify(events.map((e) => (e.type === 'statusChanged' ? e.status : e.type)))}`,
        );
      }
    },
    commands: () => transport.simulator.log,
  };
}

const status = (h: Harness) => h.reader.getStatus().kind;
const reads = (h: Harness) => h.events.flatMap((e) => (e.type === 'cardRead' ? [e.card] : []));

async function placeAndRead(h: Harness, card: SimulatedCard) {
  const before = reads(h).length;
  h.control.placeCard(card);
  await h.until(() => reads(h).length > before && status(h) === 'cardPresent');
  return reads(h).at(-1)!;
}

describe('simulated reader: normal use', () => {
  it('connects, waits, reads a placed card once, and notices the lift', async () => {
    const h = start();
    await h.until(() => status(h) === 'waitingForCard');
    expect(h.take()).toEqual(['status:connecting', 'status:waitingForCard']);
    expect(h.commands()[0]).toBe('samStatus');

    const card = await placeAndRead(h, SAMPLE_CARDS.resident);
    expect(h.take()).toEqual(['cardPlaced', 'status:reading', 'cardRead', 'status:cardPresent']);
    expect(card).toMatchObject({
      cardType: 'resident',
      name: '巴特尔',
      nation: { code: '02', name: '蒙古' },
      idNumber: SAMPLE_CARDS.resident.idNumber,
      idNumberValid: true,
      validTo: 'long-term',
    });
    expect('photo' in card).toBe(false);
    expect(h.commands().slice(-3)).toEqual(['findCard', 'selectCard', 'readText']);

    // The card stays: the reader probes for it but never reads it again.
    await h.clock.advance(10_000);
    expect(h.take()).toEqual([]);
    expect(reads(h)).toHaveLength(1);
    expect(h.commands().filter((c) => c === 'readAppendedAddress').length).toBeGreaterThan(10);

    h.control.liftCard();
    await h.until(() => status(h) === 'waitingForCard');
    expect(h.take()).toEqual(['cardRemoved', 'status:waitingForCard']);
  });

  it('a card put back after a lift is read again; another card too', async () => {
    const h = start();
    await placeAndRead(h, SAMPLE_CARDS.resident);
    h.control.liftCard();
    await h.until(() => status(h) === 'waitingForCard');
    await placeAndRead(h, SAMPLE_CARDS.resident);
    h.control.liftCard();
    await h.until(() => status(h) === 'waitingForCard');
    const second = await placeAndRead(h, SAMPLE_RESIDENT_2);
    expect(reads(h).map((c) => c.name)).toEqual(['巴特尔', '巴特尔', '萨仁高娃']);
    expect(second).toMatchObject({ sex: 'female', validTo: '2038-01-10' });
    expect(h.events.filter((e) => e.type === 'cardRemoved')).toHaveLength(2);
  });

  it.each(Object.keys(SAMPLE_CARDS) as Array<keyof typeof SAMPLE_CARDS>)(
    'reads a %s card',
    async (type) => {
      const h = start();
      const card = await placeAndRead(h, SAMPLE_CARDS[type]);
      expect(card.cardType).toBe(type);
      expect(card.idNumberValid).toBe(true);
    },
  );

  it('a card already on the reader at start is read', async () => {
    const h = start({ initialCard: SAMPLE_CARDS['hmt-permit'] });
    await h.until(() => reads(h).length === 1);
    expect(reads(h)[0]).toMatchObject({ cardType: 'hmt-permit', passNumber: 'H60000001' });
  });

  it('without a presence probe, a swap is noticed at the next find', async () => {
    const clock = new ManualClock();
    const { SimulatedTransport } = await import('./simulated-transport');
    const { createSamReader } = await import('@pls/shared/idcard');
    const transport = new SimulatedTransport({ clock });
    const reader = createSamReader({ transport, clock, presenceProbe: 'none' });
    running.push(reader);
    const events: string[] = [];
    reader.subscribe((e) =>
      events.push(e.type === 'statusChanged' ? `status:${e.status.kind}` : e.type),
    );
    reader.start();
    transport.control.placeCard(SAMPLE_CARDS.resident);
    await clock.runUntil(() => reader.getStatus().kind === 'cardPresent', 5000);
    await clock.advance(5000);
    expect(transport.simulator.log).not.toContain('readAppendedAddress');
    events.length = 0;
    transport.control.liftCard();
    transport.control.placeCard(SAMPLE_RESIDENT_2);
    await clock.runUntil(() => events.includes('status:cardPresent'), 5000);
    expect(events).toEqual([
      'cardRemoved',
      'cardPlaced',
      'status:reading',
      'cardRead',
      'status:cardPresent',
    ]);
  });

  it('reads with 30 10 and keeps the photo only when configured to', async () => {
    const h = start({ readFingerprint: true, includePhoto: true });
    const card = await placeAndRead(h, { ...SAMPLE_CARDS.resident, fingerprintLength: 1024 });
    expect(h.commands()).toContain('readTextFingerprint');
    expect(h.commands()).not.toContain('readText');
    expect(card.photo?.bytes).toHaveLength(1024);
  });
});

describe('simulated reader: failures', () => {
  it('a failed select or read is retried silently within the attempts', async () => {
    const h = start();
    await h.until(() => status(h) === 'waitingForCard');
    h.control.failNext('readText', 0x41);
    h.control.failNext('selectCard', 0x81);
    await placeAndRead(h, SAMPLE_CARDS.resident);
    expect(h.events.some((e) => e.type === 'readFailed')).toBe(false);
  });

  it('a card that keeps failing gives one readFailed per attempt round, then waits', async () => {
    const h = start({ timing: { readAttempts: 3, failureBackoffMs: 1500 } });
    await h.until(() => status(h) === 'waitingForCard');
    for (let i = 0; i < 3; i++) h.control.failNext('readText', 0x41);
    h.control.placeCard(SAMPLE_CARDS.resident);
    await h.until(() => h.events.some((e) => e.type === 'readFailed'));
    const failed = h.events.find((e) => e.type === 'readFailed');
    expect(failed).toMatchObject({
      error: { code: 'samStatus', command: 'readText', status: { sw3: 0x41, key: 'readFailed' } },
    });
    expect(readerEventMessage(failed!)).toBe('error.tryAgain');
    expect(status(h)).toBe('waitingForCard');
    // After the back-off the card is found again and read.
    await h.until(() => reads(h).length === 1);
  });

  it('SW3 40 (unknown card type) is reported with its own message', async () => {
    const h = start({ timing: { readAttempts: 2 } });
    await h.until(() => status(h) === 'waitingForCard');
    h.control.failNext('readText', 0x40);
    h.control.failNext('readText', 0x40);
    h.control.placeCard(SAMPLE_CARDS.resident);
    await h.until(() => h.events.some((e) => e.type === 'readFailed'));
    const failed = h.events.find((e) => e.type === 'readFailed')!;
    expect(readerEventMessage(failed)).toBe('error.unknownCard');
  });

  it('card text it cannot decode fails at once, without re-reading', async () => {
    const h = start();
    await h.until(() => status(h) === 'waitingForCard');
    h.control.placeCard({ ...SAMPLE_CARDS.resident, birthDate: '1968-02-30' });
    await h.until(() => h.events.some((e) => e.type === 'readFailed'));
    expect(h.events.find((e) => e.type === 'readFailed')).toMatchObject({
      error: { code: 'card', card: { kind: 'invalidField', field: 'birthDate' } },
    });
    expect(h.commands().filter((c) => c === 'readText')).toHaveLength(1);
  });

  it('a SAM self-test failure is an error status; the reader recovers by itself', async () => {
    const h = start({ timing: { reconnectIntervalMs: 2000 } });
    h.control.failNext('samStatus', 0x60);
    await h.until(() => status(h) === 'error');
    expect(h.reader.getStatus()).toMatchObject({
      kind: 'error',
      error: { code: 'samStatus', status: { key: 'selfTestFailed', zh: 'SAM自检失败' } },
    });
    await h.until(() => status(h) === 'waitingForCard');
  });

  it('a SAM fault reported by find (66 not authorized) ends the session with an error', async () => {
    const h = start();
    await h.until(() => status(h) === 'waitingForCard');
    h.control.failNext('findCard', 0x66);
    await h.until(() => status(h) === 'error');
    expect(h.reader.getStatus()).toMatchObject({ error: { status: { key: 'notAuthorized' } } });
    await h.until(() => status(h) === 'waitingForCard');
  });
});

describe('simulated reader: unplug, replug, slow reader', () => {
  it('unplugged while waiting → disconnected with the reason; replugged → back', async () => {
    const h = start({ timing: { reconnectIntervalMs: 1000 } });
    await h.until(() => status(h) === 'waitingForCard');
    h.take();
    h.control.unplug();
    await h.until(() => status(h) === 'disconnected');
    expect(h.reader.getStatus()).toMatchObject({
      kind: 'disconnected',
      reason: { code: 'transport', transport: { kind: 'disconnected' } },
    });
    // Retries keep failing while unplugged, without crashing, busy-looping or flickering
    // through "connecting": the status changes once more, to the reason the retries give.
    await h.clock.advance(10_000);
    expect(status(h)).toBe('disconnected');
    expect(h.reader.getStatus()).toMatchObject({ reason: { transport: { kind: 'notFound' } } });
    expect(h.take()).toEqual(['status:disconnected', 'status:disconnected']);
    h.control.replug();
    await h.until(() => status(h) === 'waitingForCard');
    await placeAndRead(h, SAMPLE_CARDS.resident);
  });

  it('unplugged with a card on it → cardRemoved, then disconnected', async () => {
    const h = start();
    await placeAndRead(h, SAMPLE_CARDS.resident);
    h.take();
    h.control.unplug();
    await h.until(() => status(h) === 'disconnected');
    expect(h.take()).toEqual(['cardRemoved', 'status:disconnected']);
  });

  it('a slow reader within the timeout still reads', async () => {
    const h = start({ latencyMs: 800, timing: { commandTimeoutMs: 1000 } });
    const card = await placeAndRead(h, SAMPLE_CARDS['foreign-2023']);
    expect(card.cardType).toBe('foreign-2023');
    expect(h.events.some((e) => e.type === 'readFailed')).toBe(false);
  });

  it('a reader slower than the timeout becomes an error status and recovers when it speeds up', async () => {
    const h = start({ timing: { commandTimeoutMs: 1000, maxConsecutiveFailures: 3 } });
    await h.until(() => status(h) === 'waitingForCard');
    h.control.setLatency(1500);
    await h.until(() => status(h) === 'error', 60_000);
    expect(h.reader.getStatus()).toMatchObject({
      kind: 'error',
      error: { code: 'timeout', afterMs: 1000 },
    });
    h.control.setLatency(20);
    await h.until(() => status(h) === 'waitingForCard', 60_000);
    await placeAndRead(h, SAMPLE_CARDS.resident);
  });

  it('stop ends polling and leaves the reader disconnected; start resumes', async () => {
    const h = start();
    await h.until(() => status(h) === 'waitingForCard');
    await h.reader.stop();
    expect(status(h)).toBe('disconnected');
    const commands = h.commands().length;
    await h.clock.advance(10_000);
    expect(h.commands().length).toBe(commands);
    h.reader.start();
    await placeAndRead(h, SAMPLE_CARDS.resident);
  });
});
