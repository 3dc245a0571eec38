/**
 * A SAM reader on a serial port or USB-serial adapter, through serialport: raw SAM frames at
 * 115200 8N1 (HEV, QWM). Bytes arrive in arbitrary pieces; the reader reassembles frames.
 */
import { err, ok } from '@pls/shared/domain';
import type { LinkOptions, Transport, TransportError, TransportEvent } from '@pls/shared/idcard';
import { linkOptionsOf, type ReaderProfile } from './reader-profiles';
import type { SerialBackendLoader, SerialHandle } from './serial-backend';
import { TransportEvents } from './transport-events';

export interface SerialTransportOptions {
  readonly loadBackend: SerialBackendLoader;
  readonly path: string;
  readonly profile: ReaderProfile;
}

export class SerialTransport implements Transport {
  readonly label: string;
  private readonly events = new TransportEvents();
  private handle: SerialHandle | undefined;

  constructor(private readonly options: SerialTransportOptions) {
    this.label = `serial ${options.path} @${options.profile.baudRate} (${options.profile.id})`;
  }

  async open() {
    if (this.handle !== undefined) return ok();
    const backend = await this.options.loadBackend();
    if (!backend.ok) return backend;
    let handle: SerialHandle;
    try {
      handle = await backend.value.open(this.options.path, this.options.profile.baudRate);
    } catch (e) {
      return err<TransportError>({
        kind: 'openFailed',
        message: `${this.label}: ${(e as Error).message}`,
      });
    }
    this.handle = handle;
    handle.start(
      (bytes) => {
        if (this.handle === handle) this.events.emit({ type: 'data', bytes });
      },
      (error) => {
        if (this.handle !== handle) return;
        this.handle = undefined;
        this.events.emit({
          type: 'closed',
          error: {
            kind: 'disconnected',
            message: `${this.label}: ${error?.message ?? 'port closed'}`,
          },
        });
      },
    );
    return ok();
  }

  async write(frame: Uint8Array) {
    const handle = this.handle;
    if (handle === undefined) {
      return err<TransportError>({ kind: 'writeFailed', message: `${this.label} is not open` });
    }
    try {
      await handle.write(frame);
      return ok();
    } catch (e) {
      return err<TransportError>({ kind: 'writeFailed', message: (e as Error).message });
    }
  }

  subscribe(listener: (event: TransportEvent) => void): () => void {
    return this.events.subscribe(listener);
  }

  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    await handle?.close();
  }

  linkOptions(): LinkOptions {
    return linkOptionsOf(this.options.profile);
  }
}
