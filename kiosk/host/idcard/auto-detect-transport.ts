/**
 * The hardware transport the kiosk uses: on every open it looks for a usable reader (profile
 * table over HID and serial), opens the first one that answers the OS, and relays its events.
 * So a reader plugged in after start, or swapped for another model, is picked up by the reader
 * state machine's normal reconnect loop.
 */
import { err, ok, type Result } from '@pls/shared/domain';
import type { LinkOptions, Transport, TransportError, TransportEvent } from '@pls/shared/idcard';
import { discoverDevices, unusableReason, type DiscoveredDevice } from './device-discovery';
import type { HidBackendLoader } from './hid-backend';
import { NodeHidTransport } from './node-hid-transport';
import type { ReaderProfile } from './reader-profiles';
import type { SerialBackendLoader } from './serial-backend';
import { SerialTransport } from './serial-transport';
import { TransportEvents } from './transport-events';

export interface AutoDetectTransportOptions {
  /** The profile table, or why it could not be loaded (then no reader can be used). */
  readonly profiles: Result<readonly ReaderProfile[], string>;
  readonly loadHid: HidBackendLoader;
  readonly loadSerial: SerialBackendLoader;
  readonly usbSysfsRoot?: string;
}

function transportFor(
  device: DiscoveredDevice,
  options: Pick<AutoDetectTransportOptions, 'loadHid' | 'loadSerial'>,
): Transport | undefined {
  const { profile, path } = device;
  if (!device.usable || profile === undefined || path === undefined) return undefined;
  if (device.kind === 'hid') {
    return new NodeHidTransport({
      loadBackend: options.loadHid,
      device: {
        vendorId: device.vendorId ?? 0,
        productId: device.productId ?? 0,
        interface: 0,
        path,
      },
      profile,
    });
  }
  if (device.kind === 'serial') {
    return new SerialTransport({ loadBackend: options.loadSerial, path, profile });
  }
  return undefined;
}

export class AutoDetectTransport implements Transport {
  private readonly events = new TransportEvents();
  private inner: Transport | undefined;
  private unsubscribeInner: (() => void) | undefined;

  constructor(private readonly options: AutoDetectTransportOptions) {}

  get label(): string {
    return this.inner?.label ?? 'reader (auto-detect)';
  }

  async open(): Promise<Result<void, TransportError>> {
    if (this.inner !== undefined) return ok();
    const { profiles } = this.options;
    if (!profiles.ok) return err({ kind: 'config', message: profiles.error });
    const discovery = await discoverDevices({
      profiles: profiles.value,
      loadHid: this.options.loadHid,
      loadSerial: this.options.loadSerial,
      ...(this.options.usbSysfsRoot !== undefined
        ? { usbSysfsRoot: this.options.usbSysfsRoot }
        : {}),
    });
    const failures: string[] = [];
    for (const device of discovery.devices) {
      const transport = transportFor(device, this.options);
      if (transport === undefined) continue;
      const opened = await transport.open();
      if (!opened.ok) {
        failures.push(opened.error.message);
        continue;
      }
      this.inner = transport;
      this.unsubscribeInner = transport.subscribe((event) => this.relay(event));
      return ok();
    }
    if (failures.length > 0) return err({ kind: 'openFailed', message: failures.join('; ') });
    return err(this.notFound(discovery.devices, discovery.unavailable));
  }

  write(frame: Uint8Array): Promise<Result<void, TransportError>> {
    if (this.inner === undefined) {
      return Promise.resolve(err({ kind: 'writeFailed', message: 'no reader is open' }));
    }
    return this.inner.write(frame);
  }

  subscribe(listener: (event: TransportEvent) => void): () => void {
    return this.events.subscribe(listener);
  }

  async close(): Promise<void> {
    const inner = this.inner;
    this.detach();
    await inner?.close();
  }

  linkOptions(): LinkOptions {
    return this.inner?.linkOptions?.() ?? {};
  }

  private relay(event: TransportEvent): void {
    if (event.type === 'closed') this.detach();
    this.events.emit(event);
  }

  private detach(): void {
    this.unsubscribeInner?.();
    this.unsubscribeInner = undefined;
    this.inner = undefined;
  }

  private notFound(
    devices: readonly DiscoveredDevice[],
    unavailable: readonly TransportError[],
  ): TransportError {
    const known = devices.filter((d) => d.profile !== undefined);
    if (known.length > 0) {
      const why = known.map(
        (d) => `${d.profile?.name} ${d.usbId ?? d.path ?? ''}: ${unusableReason(d)}`,
      );
      return { kind: 'unsupported', message: why.join('; ') };
    }
    if (unavailable.length === 2) {
      return unavailable[0]!;
    }
    const hid = devices.filter((d) => d.kind === 'hid').length;
    const serial = devices.filter((d) => d.kind === 'serial').length;
    const missing = unavailable.map((u) => u.message);
    return {
      kind: 'notFound',
      message: [
        `no known ID card reader among ${hid} HID devices and ${serial} serial ports`,
        ...missing,
      ].join('; '),
    };
  }
}
