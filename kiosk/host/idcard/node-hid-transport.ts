/**
 * A SAM reader behind a HID-class USB device ("免驱" readers), through node-hid. Reports are
 * 64 bytes; a write starts with the report ID (0x00 for unnumbered reports, so 65 bytes), and
 * reads carry the ID byte only for numbered reports (hidapi `hid_write`/`hid_read`). The SAM
 * frame travels raw or inside the vendor envelope named by the device profile (Miaxis).
 */
import { err, ok } from '@pls/shared/domain';
import {
  createHidEnvelope,
  describeEnvelopeError,
  stripReportId,
  withReportId,
  type HidEnvelopeDecoder,
  type LinkOptions,
  type Transport,
  type TransportError,
  type TransportEvent,
} from '@pls/shared/idcard';
import type { HidBackendLoader, HidDeviceInfo, HidHandle } from './hid-backend';
import { formatUsbId, linkOptionsOf, type ReaderProfile } from './reader-profiles';
import { TransportEvents } from './transport-events';

export interface NodeHidTransportOptions {
  readonly loadBackend: HidBackendLoader;
  readonly device: HidDeviceInfo & { readonly path: string };
  readonly profile: ReaderProfile;
}

export class NodeHidTransport implements Transport {
  readonly label: string;
  private readonly events = new TransportEvents();
  private handle: HidHandle | undefined;
  private decoder: HidEnvelopeDecoder | undefined;
  private readonly codec;

  constructor(private readonly options: NodeHidTransportOptions) {
    const { device, profile } = options;
    this.label = `hid ${formatUsbId(device.vendorId, device.productId)} ${device.path} (${profile.id})`;
    this.codec = createHidEnvelope(profile.envelope, profile.reportSize);
  }

  async open() {
    if (this.handle !== undefined) return ok();
    const backend = await this.options.loadBackend();
    if (!backend.ok) return backend;
    let handle: HidHandle;
    try {
      handle = await backend.value.open(this.options.device.path);
    } catch (e) {
      return err<TransportError>({
        kind: 'openFailed',
        message: `${this.label}: ${(e as Error).message}`,
      });
    }
    this.handle = handle;
    this.decoder = this.codec.createDecoder();
    handle.start(
      (data) => this.onReport(handle, data),
      (error) => this.onDeviceError(handle, error),
    );
    return ok();
  }

  async write(frame: Uint8Array) {
    const handle = this.handle;
    if (handle === undefined) {
      return err<TransportError>({ kind: 'writeFailed', message: `${this.label} is not open` });
    }
    try {
      for (const report of this.codec.encode(frame)) {
        await handle.write(withReportId(report, this.options.profile.reportId));
      }
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
    this.decoder = undefined;
    if (handle === undefined) return;
    try {
      await handle.close();
    } catch {
      // Closing a device that was unplugged fails; it is closed either way.
    }
  }

  linkOptions(): LinkOptions {
    return linkOptionsOf(this.options.profile);
  }

  private onReport(from: HidHandle, data: Uint8Array): void {
    if (from !== this.handle || this.decoder === undefined) return;
    const report = stripReportId(data, this.options.profile.reportId);
    const sam = report.ok ? this.decoder.push(report.value) : report;
    if (!sam.ok) {
      this.events.emit({
        type: 'warning',
        warning: { kind: 'envelope', message: describeEnvelopeError(sam.error) },
      });
      return;
    }
    if (sam.value.length > 0) this.events.emit({ type: 'data', bytes: sam.value });
  }

  private onDeviceError(from: HidHandle, error: Error): void {
    if (from !== this.handle) return;
    // hidapi reports a read error when the device is unplugged: the link is gone.
    void this.close();
    this.events.emit({
      type: 'closed',
      error: { kind: 'disconnected', message: `${this.label}: ${error.message}` },
    });
  }
}
