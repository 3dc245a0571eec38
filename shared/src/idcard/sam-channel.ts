/**
 * One SAM command at a time over a Transport: write the frame, reassemble the reply from
 * whatever pieces arrive, give up after a timeout. Stale bytes from an earlier, timed-out
 * command are dropped before each new one (MX clears "USB dirty data" the same way).
 */
import { err, ok, type Result } from '../domain/result';
import { encodeCommandFrame, FrameDecoder, type FrameError, type SamResponse } from './frame-codec';
import type { SamCommandCode } from './sam-commands';
import type { Clock, Transport, TransportError } from './types';

export type ChannelError =
  | { readonly kind: 'timeout'; readonly afterMs: number }
  | { readonly kind: 'frame'; readonly error: FrameError }
  | { readonly kind: 'transport'; readonly error: TransportError };

type Pending = (result: Result<SamResponse, ChannelError>) => void;

export class SamChannel {
  private readonly decoder = new FrameDecoder();
  private pending: Pending | undefined;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly transport: Transport,
    private readonly clock: Clock,
  ) {
    this.unsubscribe = transport.subscribe((event) => {
      switch (event.type) {
        case 'data':
          this.onData(event.bytes);
          break;
        case 'closed':
          this.settle(err({ kind: 'transport', error: event.error }));
          break;
        case 'warning':
          // A corrupt HID report: its bytes are lost, so the frame will fail its checksum or
          // time out; nothing to do here.
          break;
      }
    });
  }

  request(code: SamCommandCode, timeoutMs: number): Promise<Result<SamResponse, ChannelError>> {
    if (this.pending !== undefined) throw new Error('SamChannel: one command at a time');
    this.decoder.reset();
    return new Promise((resolve) => {
      const cancelTimer = this.clock.setTimer(() => {
        this.settle(err({ kind: 'timeout', afterMs: timeoutMs }));
      }, timeoutMs);
      this.pending = (result) => {
        cancelTimer();
        resolve(result);
      };
      void this.transport.write(encodeCommandFrame(code)).then((written) => {
        if (!written.ok) this.settle(err({ kind: 'transport', error: written.error }));
      });
    });
  }

  dispose(): void {
    this.unsubscribe();
    this.settle(
      err({ kind: 'transport', error: { kind: 'disconnected', message: 'channel closed' } }),
    );
  }

  private onData(bytes: Uint8Array): void {
    if (this.pending === undefined) return;
    const first = this.decoder.push(bytes)[0];
    if (first === undefined) return;
    this.settle(
      first.type === 'frame' ? ok(first.response) : err({ kind: 'frame', error: first.error }),
    );
  }

  private settle(result: Result<SamResponse, ChannelError>): void {
    const pending = this.pending;
    if (pending === undefined) return;
    this.pending = undefined;
    pending(result);
  }
}
