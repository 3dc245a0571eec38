/**
 * Edge cases of the SAM model, the channel and the reader machine that the host-side
 * simulator tests (kiosk/host/idcard) do not reach: corrupt and late replies,
 * faulty listeners, and what the UI is told for each outcome.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '../domain/result';
import { SAMPLE_CARDS } from './card-builder';
import { ManualClock } from './clock';
import { decodeResponseFrame, encodeCommandFrame } from './frame-codec';
import {
  READER_MESSAGE_KEYS,
  readerErrorMessage,
  readerEventMessage,
  readerStatusMessage,
} from './reader-messages';
import { DEFAULT_SAM_COMMANDS } from './sam-commands';
import { createSamReader, type SamReader } from './sam-reader';
import { SamSimulator } from './sam-simulator';
import { KNOWN_SAM_STATUS_CODES, samStatusInfo } from './sam-status';
import type { ReaderEvent, Transport, TransportEvent } from './types';

/** A minimal link to a SamSimulator whose replies can be delayed or damaged per command. */
class ScriptedLink implements Transport {
  readonly label = 'scripted';
  readonly sim = new SamSimulator();
  private listeners = new Set<(e: TransportEvent) => void>();
  /** Per-reply hook: return the bytes to deliver and after how many ms. */
  shape: (reply: Uint8Array, n: number) => { bytes: Uint8Array; delayMs: number } = (bytes) => ({
    bytes,
    delayMs: 10,
  });
  private count = 0;

  constructor(private readonly clock: ManualClock) {}

  async open() {
    return ok();
  }
  async write(frame: Uint8Array) {
    const shaped = this.shape(this.sim.handle(frame), this.count++);
    this.clock.setTimer(() => this.emit({ type: 'data', bytes: shaped.bytes }), shaped.delayMs);
    return ok();
  }
  subscribe(listener: (e: TransportEvent) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener) as unknown as void;
  }
  async close() {}
  private emit(e: TransportEvent) {
    for (const l of [...this.listeners]) l(e);
  }
}

const running: SamReader[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.stop()));
});

function startReader(clock: ManualClock, link: ScriptedLink) {
  const reader = createSamReader({ transport: link, clock });
  running.push(reader);
  const events: ReaderEvent[] = [];
  reader.subscribe((e) => events.push(e));
  reader.start();
  return { reader, events };
}

describe('SamSimulator', () => {
  const sim = () => new SamSimulator();
  const status = (frame: Uint8Array) => {
    const r = decodeResponseFrame(frame);
    if (!r.ok) throw new Error('simulator sent a bad frame');
    return r.value.status.sw3;
  };
  const send = (s: SamSimulator, name: keyof typeof DEFAULT_SAM_COMMANDS) =>
    status(s.handle(encodeCommandFrame(DEFAULT_SAM_COMMANDS[name])));

  it('models find → select → read, the halted card and the lift', () => {
    const s = sim();
    expect(send(s, 'findCard')).toBe(0x80);
    s.placeCard(SAMPLE_CARDS.resident);
    expect(send(s, 'selectCard')).toBe(0x81);
    expect(send(s, 'readText')).toBe(0x41);
    expect(send(s, 'findCard')).toBe(0x9f);
    expect(send(s, 'selectCard')).toBe(0x90);
    expect(send(s, 'readText')).toBe(0x90);
    expect(send(s, 'findCard')).toBe(0x80);
    expect(send(s, 'readAppendedAddress')).toBe(0x91);
    s.liftCard();
    expect(send(s, 'readAppendedAddress')).toBe(0x41);
    s.placeCard(SAMPLE_CARDS.resident);
    expect(send(s, 'findCard')).toBe(0x9f);
  });

  it('answers a bad checksum with 10 and an unknown command with 21', () => {
    const s = sim();
    const bad = encodeCommandFrame([0x20, 0x01]);
    bad[bad.length - 1] = bad[bad.length - 1]! ^ 1;
    expect(status(s.handle(bad))).toBe(0x10);
    expect(status(s.handle(encodeCommandFrame([0x77, 0x01])))).toBe(0x21);
  });
});

describe('reader machine edge cases', () => {
  it('a corrupt find reply is retried, not fatal', async () => {
    const clock = new ManualClock();
    const link = new ScriptedLink(clock);
    link.shape = (bytes, n) => {
      const out = bytes.slice();
      if (n === 1) out[out.length - 1] = out[out.length - 1]! ^ 0xff;
      return { bytes: out, delayMs: 10 };
    };
    const { reader, events } = startReader(clock, link);
    link.sim.placeCard(SAMPLE_CARDS.resident);
    await clock.runUntil(() => events.some((e) => e.type === 'cardRead'), 10_000);
    expect(reader.getStatus().kind).toBe('cardPresent');
    expect(events.some((e) => e.type === 'readFailed')).toBe(false);
  });

  it('a reader that only sends corrupt frames ends up in an error status', async () => {
    const clock = new ManualClock();
    const link = new ScriptedLink(clock);
    link.shape = (bytes, n) => {
      const out = bytes.slice();
      if (n > 0) out[out.length - 1] = out[out.length - 1]! ^ 0xff;
      return { bytes: out, delayMs: 10 };
    };
    const { reader } = startReader(clock, link);
    await clock.runUntil(() => reader.getStatus().kind === 'error', 10_000);
    expect(reader.getStatus()).toMatchObject({
      kind: 'error',
      error: { code: 'frame', command: 'findCard', frame: { kind: 'badChecksum' } },
    });
  });

  it('a reader without the 30 03 probe keeps the card present and falls back to finds', async () => {
    const clock = new ManualClock();
    const link = new ScriptedLink(clock);
    link.sim.failNext('readAppendedAddress', 0x21);
    const { reader, events } = startReader(clock, link);
    link.sim.placeCard(SAMPLE_CARDS.resident);
    await clock.runUntil(() => reader.getStatus().kind === 'cardPresent', 10_000);
    await clock.advance(5000);
    expect(reader.getStatus().kind).toBe('cardPresent');
    expect(events.some((e) => e.type === 'cardRemoved')).toBe(false);
    expect(link.sim.log.filter((c) => c === 'readAppendedAddress')).toHaveLength(1);
    expect(link.sim.log.at(-1)).toBe('findCard');
  });

  it('a late reply after a timeout is not taken as the answer to the next command', async () => {
    const clock = new ManualClock();
    const link = new ScriptedLink(clock);
    // The first find (command #1) answers after 1500 ms, past the 1000 ms timeout; the select
    // that follows (#3) takes 600 ms. Without draining, the stale 9F would arrive while the
    // select waits and be taken for its answer, failing the select.
    link.shape = (bytes, n) => ({ bytes, delayMs: n === 1 ? 1500 : n === 3 ? 600 : 10 });
    link.sim.placeCard(SAMPLE_CARDS['hmt-permit']);
    const { events } = startReader(clock, link);
    await clock.runUntil(
      () => events.some((e) => e.type === 'cardRead' || e.type === 'readFailed'),
      20_000,
    );
    expect(events.find((e) => e.type === 'cardRead')).toMatchObject({
      card: { cardType: 'hmt-permit' },
    });
    expect(link.sim.log.filter((c) => c === 'selectCard')).toHaveLength(1);
  });

  it('a listener that throws does not stop the reader or the other listeners', async () => {
    const clock = new ManualClock();
    const link = new ScriptedLink(clock);
    const thrown: unknown[] = [];
    const reader = createSamReader({
      transport: link,
      clock,
      onListenerError: (e) => thrown.push(e),
    });
    running.push(reader);
    const seen: string[] = [];
    reader.subscribe(() => {
      throw new Error('buggy screen');
    });
    reader.subscribe((e) => seen.push(e.type));
    reader.start();
    link.sim.placeCard(SAMPLE_CARDS.resident);
    await clock.runUntil(() => seen.includes('cardRead'), 10_000);
    expect(seen).toContain('cardRead');
    expect(thrown.length).toBe(seen.length);
    expect(thrown[0]).toBeInstanceOf(Error);
  });
});

describe('what the UI shows and says', () => {
  it('every message key is reachable from some status or event', () => {
    const reachable = new Set<string>([
      ...(['disconnected', 'connecting', 'waitingForCard', 'reading', 'cardPresent'] as const).map(
        (kind) => readerStatusMessage({ kind }),
      ),
      readerStatusMessage({
        kind: 'error',
        error: { code: 'transport', transport: { kind: 'notFound', message: '' } },
      }),
      readerStatusMessage({
        kind: 'error',
        error: { code: 'timeout', command: 'findCard', afterMs: 1000 },
      }),
      readerEventMessage({ type: 'cardPlaced' }),
      readerEventMessage({
        type: 'cardRead',
        card: { ...SAMPLE_CARDS.resident, idNumberValid: true } as never,
      }),
      readerEventMessage({ type: 'cardRemoved' }),
      readerErrorMessage({ code: 'transport', transport: { kind: 'disconnected', message: '' } }),
      readerErrorMessage({ code: 'timeout', command: 'samStatus', afterMs: 1000 }),
      readerErrorMessage({ code: 'card', card: { kind: 'unknownCardType', marker: 0x5a } }),
      readerErrorMessage({
        code: 'card',
        card: { kind: 'invalidField', field: 'birthDate', value: '' },
      }),
      ...KNOWN_SAM_STATUS_CODES.map((sw3) =>
        readerErrorMessage({ code: 'samStatus', command: 'readText', status: samStatusInfo(sw3) }),
      ),
    ]);
    expect([...reachable].sort()).toEqual([...READER_MESSAGE_KEYS].sort());
  });

  it('maps the statuses a resident can act on to "try again", reader faults to staff', () => {
    const msg = (sw3: number) =>
      readerErrorMessage({ code: 'samStatus', command: 'readText', status: samStatusInfo(sw3) });
    expect(msg(0x41)).toBe('error.tryAgain');
    expect(msg(0x81)).toBe('error.tryAgain');
    expect(msg(0x40)).toBe('error.unknownCard');
    expect(msg(0x60)).toBe('error.readerFault');
    expect(msg(0x66)).toBe('error.readerFault');
  });
});
