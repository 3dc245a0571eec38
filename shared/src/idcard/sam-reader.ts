/**
 * The reader state machine: drives a SAM reader over any Transport and pushes events the UI can
 * show and speak. Pure: I/O comes in through the Transport, time through the Clock.
 *
 *   disconnected ─open─▶ connecting ─SAM 90─▶ waitingForCard ─find 9F─▶ reading
 *        ▲                    │                    ▲    ▲                 │ select 90, read 90
 *        └──── link lost ◀────┘     card lifted ───┘    └── readFailed ◀──┤
 *                                  (probe fails)                          ▼
 *                                                                    cardPresent
 *
 * Hardware facts it relies on (docs/idcard-protocol.md):
 * - SAM status `11 FF` must answer 90 before cards can be read;
 * - find `20 01` answers 9F when a card is in the field, 80 when not; after a successful read
 *   the card is halted and find keeps answering 80 until it is lifted and put back;
 * - so a lift is noticed with the appended-address read `30 03`, which a card still in the field
 *   answers (90 or 91 "item empty") and which fails once it left (Routon SDK loop mode). With
 *   `presenceProbe: 'none'` a lift is only noticed when the next card is found.
 * Timings follow the sources: HEV polls every 1 s with a 5 s command timeout, Routon every
 * 200 ms; DLRC retries a failed read up to 5 times.
 */
import { err, ok, type Result } from '../domain/result';
import { systemClock } from './clock';
import { decodeReadResponse } from './read-response';
import { SamChannel, type ChannelError } from './sam-channel';
import { DEFAULT_SAM_COMMANDS, type SamCommandName, type SamCommandSet } from './sam-commands';
import { samStatusInfo } from './sam-status';
import type { SamResponse } from './frame-codec';
import type {
  Clock,
  IdCardData,
  IdCardReader,
  PresenceProbe,
  ReaderError,
  ReaderEvent,
  ReaderStatus,
  Transport,
  TransportError,
} from './types';

export interface ReaderTiming {
  /** Between two finds while waiting, and between two presence probes. */
  readonly pollIntervalMs: number;
  /** Status, find, select and probe commands. */
  readonly commandTimeoutMs: number;
  /** Read commands: a 1295-byte reply plus the card↔SAM exchange. */
  readonly readTimeoutMs: number;
  /** Before reopening a link that failed or was unplugged. */
  readonly reconnectIntervalMs: number;
  /** find/select/read attempts for one placed card before `readFailed`. */
  readonly readAttempts: number;
  /** Pause after `readFailed`, so a damaged card does not fail many times a second. */
  readonly failureBackoffMs: number;
  /**
   * Consecutive failed exchanges (no reply, or a corrupt one) after which the reader counts as
   * not responding: the session ends with an error status and the link is reopened.
   */
  readonly maxConsecutiveFailures: number;
}

export const DEFAULT_READER_TIMING: ReaderTiming = {
  pollIntervalMs: 300,
  commandTimeoutMs: 1000,
  readTimeoutMs: 5000,
  reconnectIntervalMs: 2000,
  readAttempts: 3,
  failureBackoffMs: 1500,
  maxConsecutiveFailures: 3,
};

export interface SamReaderOptions {
  readonly transport: Transport;
  readonly clock?: Clock;
  readonly commands?: SamCommandSet;
  readonly timing?: Partial<ReaderTiming>;
  /** Read with `30 10` (text + photo + fingerprint) instead of `30 01`. */
  readonly readFingerprint?: boolean;
  /** Keep the raw WLT photo on `cardRead` (off: it stays out of IPC, JSON and logs). */
  readonly includePhoto?: boolean;
  readonly presenceProbe?: PresenceProbe;
  /**
   * A listener threw. Default: rethrown on its own (queueMicrotask) so the bug surfaces
   * without stopping the reader or the other listeners.
   */
  readonly onListenerError?: (error: unknown) => void;
}

function sameStatus(a: ReaderStatus, b: ReaderStatus): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function readerErrorOf(command: SamCommandName, error: ChannelError): ReaderError {
  switch (error.kind) {
    case 'timeout':
      return { code: 'timeout', command, afterMs: error.afterMs };
    case 'frame':
      return { code: 'frame', command, frame: error.error };
    case 'transport':
      return { code: 'transport', transport: error.error };
  }
}

function statusError(command: SamCommandName, response: SamResponse): ReaderError {
  return { code: 'samStatus', command, status: samStatusInfo(response.status.sw3) };
}

/** Why a session with an open link ended. */
type SessionEnd = { readonly error: ReaderError } | { readonly stopped: true };

export class SamReader implements IdCardReader {
  private status: ReaderStatus = { kind: 'disconnected' };
  private readonly listeners = new Set<(event: ReaderEvent) => void>();
  private readonly clock: Clock;
  private readonly timing: ReaderTiming;
  private readonly baseCommands: SamCommandSet;
  /** Command codes and lift detection for the current link (profile overrides applied). */
  private commands: SamCommandSet;
  private presenceProbe: PresenceProbe;
  private loop: Promise<void> | undefined;
  private stopping = false;
  private wakers = new Set<() => void>();
  private channel: SamChannel | undefined;
  private consecutiveFailures = 0;
  /** Set when the transport reports the link closed (unplugged): the session's end reason. */
  private linkLost: TransportError | undefined;

  constructor(private readonly options: SamReaderOptions) {
    this.clock = options.clock ?? systemClock;
    this.timing = { ...DEFAULT_READER_TIMING, ...options.timing };
    this.baseCommands = options.commands ?? DEFAULT_SAM_COMMANDS;
    this.commands = this.baseCommands;
    this.presenceProbe = options.presenceProbe ?? 'appendedAddress';
  }

  start(): void {
    if (this.loop !== undefined) return;
    this.stopping = false;
    this.loop = this.run().finally(() => {
      this.loop = undefined;
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake();
    this.channel?.dispose();
    await this.loop;
  }

  getStatus(): ReaderStatus {
    return this.status;
  }

  subscribe(listener: (event: ReaderEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private emit(event: ReaderEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        // A faulty listener is a bug to surface, but must not stop the reader for the others.
        const report =
          this.options.onListenerError ??
          ((e: unknown) =>
            queueMicrotask(() => {
              throw e;
            }));
        report(error);
      }
    }
  }

  private setStatus(status: ReaderStatus): void {
    if (sameStatus(this.status, status)) return;
    this.status = status;
    this.emit({ type: 'statusChanged', status });
  }

  private wake(): void {
    const wakers = this.wakers;
    this.wakers = new Set();
    for (const w of wakers) w();
  }

  /** Waits `ms`, or less if the reader is stopped or the link drops. */
  private sleep(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const cancel = this.clock.setTimer(done, ms);
      const wakers = this.wakers;
      function done() {
        cancel();
        wakers.delete(done);
        resolve();
      }
      wakers.add(done);
    });
  }

  private async run(): Promise<void> {
    const { transport } = this.options;
    while (!this.stopping) {
      // While retrying after a failure keep showing that failure: flipping to "connecting" and
      // back every few seconds would make the screen flicker and the voice repeat itself.
      if (
        this.status.kind !== 'error' &&
        !(this.status.kind === 'disconnected' && this.status.reason)
      ) {
        this.setStatus({ kind: 'connecting' });
      }
      const opened = await transport.open();
      if (this.stopping) {
        if (opened.ok) await transport.close();
        break;
      }
      if (!opened.ok) {
        this.setStatus({
          kind: 'disconnected',
          reason: { code: 'transport', transport: opened.error },
        });
        await this.sleep(this.timing.reconnectIntervalMs);
        continue;
      }

      const link = transport.linkOptions?.() ?? {};
      this.commands = { ...this.baseCommands, ...link.commands };
      this.presenceProbe = link.presenceProbe ?? this.options.presenceProbe ?? 'appendedAddress';
      const channel = new SamChannel(transport, this.clock);
      this.channel = channel;
      this.linkLost = undefined;
      const unsubscribe = transport.subscribe((event) => {
        if (event.type !== 'closed') return;
        this.linkLost = event.error;
        this.wake();
      });
      const end = await this.session();
      unsubscribe();
      channel.dispose();
      this.channel = undefined;
      await transport.close();
      if ('stopped' in end || this.stopping) break;

      if (this.status.kind === 'cardPresent' || this.status.kind === 'reading') {
        // The card's fate is unknown once the link is gone; the UI must not wait for a lift.
        this.emit({ type: 'cardRemoved' });
      }
      this.setStatus(
        end.error.code === 'transport'
          ? { kind: 'disconnected', reason: end.error }
          : { kind: 'error', error: end.error },
      );
      await this.sleep(this.timing.reconnectIntervalMs);
    }
    this.setStatus({ kind: 'disconnected' });
  }

  private async command(
    name: SamCommandName,
    timeoutMs = this.timing.commandTimeoutMs,
  ): Promise<Result<SamResponse, ReaderError>> {
    const channel = this.channel;
    if (this.linkLost !== undefined) return err({ code: 'transport', transport: this.linkLost });
    if (channel === undefined || this.stopping) {
      return err({ code: 'transport', transport: { kind: 'disconnected', message: 'stopped' } });
    }
    const result = await channel.request(this.commands[name], timeoutMs);
    if (result.ok) {
      this.consecutiveFailures = 0;
      return result;
    }
    if (result.error.kind !== 'transport') this.consecutiveFailures++;
    if (result.error.kind === 'timeout') {
      // A reply slower than the timeout may still arrive; let it come and go unclaimed so it
      // cannot be taken for the answer to the next command.
      await this.sleep(timeoutMs);
    }
    return err(readerErrorOf(name, result.error));
  }

  /** True when an error means the link is gone or the reader stopped answering sensibly. */
  private fatal(error: ReaderError): boolean {
    return (
      error.code === 'transport' ||
      ((error.code === 'timeout' || error.code === 'frame') &&
        this.consecutiveFailures >= this.timing.maxConsecutiveFailures)
    );
  }

  private async session(): Promise<SessionEnd> {
    this.consecutiveFailures = 0;
    for (;;) {
      if (this.stopping) return { stopped: true };
      const sam = await this.command('samStatus');
      if (sam.ok && sam.value.status.sw3 === 0x90) break;
      const error = sam.ok ? statusError('samStatus', sam.value) : sam.error;
      if (!sam.ok && !this.fatal(sam.error) && sam.error.code !== 'samStatus') continue;
      return { error };
    }
    this.setStatus({ kind: 'waitingForCard' });

    while (!this.stopping) {
      if (this.status.kind === 'cardPresent' && this.presenceProbe === 'appendedAddress') {
        const probe = await this.command('readAppendedAddress');
        if (!probe.ok) {
          if (this.fatal(probe.error)) return { error: probe.error };
          continue;
        }
        const sw3 = probe.value.status.sw3;
        if (sw3 === 0x90 || sw3 === 0x91) {
          await this.sleep(this.timing.pollIntervalMs);
          continue;
        }
        if (sw3 === 0x21 || sw3 === 0x23) {
          // This reader does not know or allow `30 03`: fall back to noticing the next card.
          this.presenceProbe = 'none';
          continue;
        }
        this.emit({ type: 'cardRemoved' });
        this.setStatus({ kind: 'waitingForCard' });
        continue;
      }

      const find = await this.command('findCard');
      if (!find.ok) {
        if (this.fatal(find.error)) return { error: find.error };
        continue;
      }
      const sw3 = find.value.status.sw3;
      if (sw3 === 0x80) {
        await this.sleep(this.timing.pollIntervalMs);
        continue;
      }
      if (sw3 !== 0x9f) {
        // The SAM itself reports a fault (self-test, authorization…): show it and reconnect.
        return { error: statusError('findCard', find.value) };
      }

      if (this.status.kind === 'cardPresent') {
        // Only reachable without a presence probe: a find succeeds again only after a lift.
        this.emit({ type: 'cardRemoved' });
      }
      this.emit({ type: 'cardPlaced' });
      this.setStatus({ kind: 'reading' });
      const read = await this.readPlacedCard();
      if (read.ok) {
        this.emit({ type: 'cardRead', card: read.value });
        this.setStatus({ kind: 'cardPresent' });
        continue;
      }
      if (this.stopping) break;
      this.emit({ type: 'readFailed', error: read.error });
      if (this.fatal(read.error)) return { error: read.error };
      this.setStatus({ kind: 'waitingForCard' });
      await this.sleep(this.timing.failureBackoffMs);
    }
    return { stopped: true };
  }

  /** select → read → decode, re-finding the card between attempts. The card was just found. */
  private async readPlacedCard(): Promise<Result<IdCardData, ReaderError>> {
    const variant = this.options.readFingerprint === true ? 'textFingerprint' : 'text';
    const readCommand = variant === 'text' ? 'readText' : 'readTextFingerprint';
    let lastError: ReaderError | undefined;
    for (let attempt = 1; attempt <= this.timing.readAttempts; attempt++) {
      if (this.stopping) break;
      if (attempt > 1) {
        const find = await this.command('findCard');
        if (!find.ok) {
          lastError = find.error;
          if (this.fatal(find.error)) break;
          continue;
        }
        // Lifted mid-read: report why the earlier attempt failed, not "no card".
        if (find.value.status.sw3 !== 0x9f) break;
      }
      const select = await this.command('selectCard');
      if (!select.ok || select.value.status.sw3 !== 0x90) {
        lastError = select.ok ? statusError('selectCard', select.value) : select.error;
        if (!select.ok && this.fatal(select.error)) break;
        continue;
      }
      const read = await this.command(readCommand, this.timing.readTimeoutMs);
      if (!read.ok) {
        lastError = read.error;
        if (this.fatal(read.error)) break;
        continue;
      }
      const decoded = decodeReadResponse(read.value, {
        variant,
        ...(this.options.includePhoto === true ? { includePhoto: true } : {}),
      });
      if (decoded.ok) return ok(decoded.value);
      if (decoded.error.kind === 'status') {
        lastError = statusError(readCommand, read.value);
        continue;
      }
      // The reply was complete and checked but its content is not a card we understand;
      // reading again would give the same bytes (and the card is now halted).
      return err({ code: 'card', card: decoded.error.error });
    }
    return err(
      lastError ?? { code: 'transport', transport: { kind: 'disconnected', message: 'stopped' } },
    );
  }
}

export function createSamReader(options: SamReaderOptions): SamReader {
  return new SamReader(options);
}
