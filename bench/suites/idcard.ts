/**
 * ID card reader benchmarks:
 * - frame decode: a complete 1295-byte `30 01` reply → IdCardData (frame, blocks, card text,
 *   ID number check), whole and streamed in 54-byte pieces as from a HID reader;
 * - Miaxis envelope: the same reply unwrapped from its 24 HID reports and decoded;
 * - simulated read: the reader state machine over the simulated transport (no added latency),
 *   from a card being placed to `cardRead`, i.e. find → select → read → decode plus the
 *   machine's own overhead. Real readers add their RF/SAM time (about a second) on top.
 *
 * Runs inside `npm run bench` (export `run`) or alone: `npx tsx bench/suites/idcard.ts [--quick]`.
 */
import { performance } from 'node:perf_hooks';
import {
  buildReadResponseFrame,
  createMiaxisEnvelope,
  decodeCapture,
  decodeReadResponse,
  encodeMiaxisInReports,
  FrameDecoder,
  SAMPLE_CARDS,
  SAMPLE_RESIDENT_2,
  type IdCardReader,
  type ReaderEvent,
} from '@pls/shared/idcard';
import { openIdCardReader } from '../../kiosk/electron/services/idcard';

export interface BenchResult {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The budget this value is judged against. */
  readonly reference: number;
  /** value / reference: below 1 is within budget. */
  readonly ratio: number;
}

export interface BenchOptions {
  readonly quick?: boolean;
}

function result(name: string, value: number, unit: string, reference: number): BenchResult {
  return {
    name,
    value: Number(value.toPrecision(4)),
    unit,
    reference,
    ratio: Number((value / reference).toFixed(3)),
  };
}

/** Median per-iteration time in µs over `rounds` rounds of `iterations` calls. */
function timeMicros(iterations: number, rounds: number, fn: () => void): number {
  for (let i = 0; i < Math.min(iterations, 200); i++) fn();
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (let i = 0; i < iterations; i++) fn();
    samples.push(((performance.now() - start) * 1000) / iterations);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

function expectCard(ok: boolean): void {
  if (!ok) throw new Error('benchmark input did not decode: the codec is broken');
}

async function simulatedReads(count: number): Promise<number[]> {
  const { reader, control } = openIdCardReader({
    simulate: true,
    latencyMs: 0,
    timing: { pollIntervalMs: 1 },
  });
  if (control === undefined) throw new Error('simulator control missing');
  const times: number[] = [];
  let waiting: ((e: ReaderEvent) => void) | undefined;
  reader.subscribe((e) => waiting?.(e));
  const next = (type: ReaderEvent['type'], status?: string) =>
    new Promise<void>((resolve) => {
      waiting = (e) => {
        if (
          e.type === type &&
          (status === undefined || (e.type === 'statusChanged' && e.status.kind === status))
        ) {
          waiting = undefined;
          resolve();
        }
      };
    });
  const ready = next('statusChanged', 'waitingForCard');
  reader.start();
  await ready;
  const cards = [SAMPLE_CARDS.resident, SAMPLE_RESIDENT_2, SAMPLE_CARDS['foreign-2023']];
  for (let i = 0; i < count; i++) {
    const read = next('cardRead');
    const start = performance.now();
    control.placeCard(cards[i % cards.length]!);
    await read;
    times.push(performance.now() - start);
    const lifted = next('cardRemoved');
    control.liftCard();
    await lifted;
  }
  await stopped(reader);
  return times;
}

async function stopped(reader: IdCardReader): Promise<void> {
  await reader.stop();
}

export async function runIdcardBench(options: BenchOptions = {}): Promise<BenchResult[]> {
  const quick = options.quick === true;
  const rounds = quick ? 5 : 15;
  const frame = buildReadResponseFrame(SAMPLE_CARDS.resident);
  const reports = encodeMiaxisInReports(frame);
  expectCard(decodeCapture(frame).ok);

  const whole = timeMicros(quick ? 500 : 2000, rounds, () => {
    const r = decodeCapture(frame);
    if (!r.ok) throw new Error('decode failed');
  });

  const streamed = timeMicros(quick ? 500 : 2000, rounds, () => {
    const decoder = new FrameDecoder();
    for (let at = 0; at < frame.length; at += 54) {
      for (const item of decoder.push(frame.subarray(at, at + 54))) {
        if (item.type !== 'frame' || !decodeReadResponse(item.response).ok)
          throw new Error('decode failed');
      }
    }
  });

  const envelope = createMiaxisEnvelope();
  const miaxis = timeMicros(quick ? 500 : 2000, rounds, () => {
    const unwrap = envelope.createDecoder();
    const decoder = new FrameDecoder();
    for (const report of reports) {
      const sam = unwrap.push(report);
      if (!sam.ok) throw new Error('envelope failed');
      for (const item of decoder.push(sam.value)) {
        if (item.type !== 'frame' || !decodeReadResponse(item.response).ok)
          throw new Error('decode failed');
      }
    }
  });

  const reads = await simulatedReads(quick ? 10 : 40);
  reads.sort((a, b) => a - b);
  const median = reads[Math.floor(reads.length / 2)]!;
  const p95 = reads[Math.min(reads.length - 1, Math.floor(reads.length * 0.95))]!;

  // Budgets: a reply must decode far faster than the ~110 ms it takes to arrive at 115200 baud;
  // the simulated read (machine overhead, no device time) should stay well under a frame of UI.
  return [
    result('idcard.decode.readReply', whole, 'µs', 200),
    result('idcard.decode.readReplyStreamed54', streamed, 'µs', 250),
    result('idcard.decode.miaxisReports', miaxis, 'µs', 300),
    result('idcard.simulatedRead.median', median, 'ms', 16),
    result('idcard.simulatedRead.p95', p95, 'ms', 33),
  ];
}

export const idcardSuite = { name: 'idcard', run: runIdcardBench };
/** The entry point the bench runner calls on every suite. */
export const run = runIdcardBench;

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await runIdcardBench({ quick: process.argv.includes('--quick') });
  console.table(results);
}
