/**
 * How many event streams one device and one client address may hold open. A device needs one
 * (two while a reloaded page replaces its predecessor): a new stream beyond the device's cap
 * closes that device's oldest, so a reconnect never locks a device out. An address beyond its
 * cap is refused: a station's kiosks share one address behind NAT, so its cap is far above one
 * device's, yet a single client cannot open hundreds.
 */
import { err, ok, type Result } from '@pls/shared/domain';

export interface StreamCapsOptions {
  readonly perDevice: number;
  readonly perAddress: number;
}

export const DEFAULT_STREAM_CAPS: StreamCapsOptions = { perDevice: 2, perAddress: 64 };

interface OpenStream {
  readonly deviceId: string;
  readonly address: string;
  readonly close: () => void;
}

/** Admitted: call `release` when the stream ends. Refused: the address is at its cap. */
export type Admission = Result<{ readonly release: () => void }, 'address_full'>;

export class StreamCaps {
  /** Insertion order is age order: the first of a device's streams is its oldest. */
  private readonly open = new Set<OpenStream>();

  constructor(private readonly options: StreamCapsOptions = DEFAULT_STREAM_CAPS) {}

  /** Admits a new stream, closing the device's oldest when it is at its cap. */
  admit(deviceId: string, address: string, close: () => void): Admission {
    const ofDevice = [...this.open].filter((s) => s.deviceId === deviceId);
    const ofAddress = [...this.open].filter((s) => s.address === address);
    // Streams of this device that would be closed do not count against the address.
    const closing = ofDevice.slice(0, Math.max(0, ofDevice.length - this.options.perDevice + 1));
    const addressAfter = ofAddress.filter((s) => !closing.includes(s)).length;
    if (addressAfter >= this.options.perAddress) return err('address_full');
    for (const stream of closing) {
      this.open.delete(stream);
      stream.close();
    }
    const stream: OpenStream = { deviceId, address, close };
    this.open.add(stream);
    return ok({ release: () => void this.open.delete(stream) });
  }

  countOf(filter: { deviceId?: string; address?: string }): number {
    return [...this.open].filter(
      (s) =>
        (filter.deviceId === undefined || s.deviceId === filter.deviceId) &&
        (filter.address === undefined || s.address === filter.address),
    ).length;
  }
}
