/**
 * A simulated reader on a simulated cable: the pure SAM model from @pls/shared/idcard behind a
 * link with latency, replies delivered in HID-sized pieces, and a plug that can be pulled.
 * Tests, the dev panel and `--simulate-reader` drive it through `SimulatorControl`. All
 * timing goes through the injected clock.
 */
import { err, ok } from '@pls/shared/domain';
import {
  SamSimulator,
  type Clock,
  type SamCommandName,
  type SimulatedCard,
  type Transport,
  type TransportError,
  type TransportEvent,
} from '@pls/shared/idcard';
import { TransportEvents } from './transport-events';

/** The handle a test or the on-screen dev panel uses to act like a resident or a technician. */
export interface SimulatorControl {
  placeCard(card: SimulatedCard): void;
  liftCard(): void;
  /** Pulls the USB cable: the open link closes, opening fails until `replug`. */
  unplug(): void;
  replug(): void;
  /** Reply delay of every command, to model slow readers. */
  setLatency(ms: number): void;
  /** The next `command` answers with status `sw3` (e.g. 0x41 read failed). */
  failNext(command: SamCommandName, sw3: number): void;
  readonly cardOnReader: SimulatedCard | undefined;
  readonly plugged: boolean;
}

export interface SimulatedTransportOptions {
  readonly clock: Clock;
  readonly latencyMs?: number;
  /** Bytes per data event: replies arrive in pieces, as from a HID reader (54 per report). */
  readonly chunkSize?: number;
  readonly simulator?: SamSimulator;
}

export class SimulatedTransport implements Transport {
  readonly label = 'simulated reader';
  readonly simulator: SamSimulator;
  private readonly events = new TransportEvents();
  private readonly clock: Clock;
  private readonly chunkSize: number;
  private latencyMs: number;
  private plugged = true;
  private opened = false;
  /** Bumped on every unplug so replies in flight from before are dropped. */
  private generation = 0;
  readonly control: SimulatorControl;

  constructor(options: SimulatedTransportOptions) {
    this.clock = options.clock;
    this.latencyMs = options.latencyMs ?? 20;
    this.chunkSize = options.chunkSize ?? 54;
    this.simulator = options.simulator ?? new SamSimulator();
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the getters below need the transport
    const transport = this;
    this.control = {
      placeCard: (card) => this.simulator.placeCard(card),
      liftCard: () => this.simulator.liftCard(),
      unplug: () => this.unplug(),
      replug: () => {
        this.plugged = true;
      },
      setLatency: (ms) => {
        if (!Number.isFinite(ms) || ms < 0) throw new Error(`latency must be ≥ 0, got ${ms}`);
        this.latencyMs = ms;
      },
      failNext: (command, sw3) => this.simulator.failNext(command, sw3),
      get cardOnReader() {
        return transport.simulator.cardOnReader;
      },
      get plugged() {
        return transport.plugged;
      },
    };
  }

  private unplug(): void {
    this.plugged = false;
    this.generation++;
    if (!this.opened) return;
    this.opened = false;
    this.events.emit({
      type: 'closed',
      error: { kind: 'disconnected', message: 'simulated reader was unplugged' },
    });
  }

  async open() {
    if (!this.plugged) {
      return err<TransportError>({ kind: 'notFound', message: 'simulated reader is unplugged' });
    }
    this.opened = true;
    return ok();
  }

  async write(frame: Uint8Array) {
    if (!this.opened) {
      return err<TransportError>({ kind: 'writeFailed', message: 'simulated reader is not open' });
    }
    const generation = this.generation;
    this.clock.setTimer(() => {
      if (!this.opened || generation !== this.generation) return;
      const reply = this.simulator.handle(frame);
      for (let at = 0; at < reply.length; at += this.chunkSize) {
        this.events.emit({ type: 'data', bytes: reply.slice(at, at + this.chunkSize) });
      }
    }, this.latencyMs);
    return ok();
  }

  subscribe(listener: (event: TransportEvent) => void): () => void {
    return this.events.subscribe(listener);
  }

  async close(): Promise<void> {
    this.opened = false;
  }
}
