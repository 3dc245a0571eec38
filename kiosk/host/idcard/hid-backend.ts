/**
 * The slice of node-hid the reader uses, behind an interface so the transport is tested with
 * a simulated HID device. node-hid is loaded lazily: a kiosk without the native library (no
 * libudev/libusb, wrong prebuild) gets a `moduleUnavailable` status with the reason, not a crash.
 */
import { err, ok, type Result } from '@pls/shared/domain';
import type { TransportError } from '@pls/shared/idcard';
import type * as NodeHidModule from 'node-hid';

export interface HidDeviceInfo {
  readonly vendorId: number;
  readonly productId: number;
  readonly path?: string;
  readonly product?: string;
  readonly manufacturer?: string;
  readonly serialNumber?: string;
  readonly interface: number;
  readonly usagePage?: number;
}

export interface HidHandle {
  /** One report, report ID first (hidapi `hid_write`). */
  write(data: Uint8Array): Promise<void>;
  /** Input reports as hidapi returns them; errors mean the device is gone. */
  start(onReport: (data: Uint8Array) => void, onError: (error: Error) => void): void;
  close(): Promise<void>;
}

export interface HidBackend {
  devices(): Promise<HidDeviceInfo[]>;
  open(path: string): Promise<HidHandle>;
}

export type HidBackendLoader = () => Promise<Result<HidBackend, TransportError>>;

type NodeHid = typeof NodeHidModule;

function fromNodeHid(hid: NodeHid): HidBackend {
  return {
    async devices() {
      const devices = await hid.devicesAsync();
      return devices.map((d) => ({
        vendorId: d.vendorId,
        productId: d.productId,
        interface: d.interface,
        ...(d.path !== undefined ? { path: d.path } : {}),
        ...(d.product !== undefined ? { product: d.product } : {}),
        ...(d.manufacturer !== undefined ? { manufacturer: d.manufacturer } : {}),
        ...(d.serialNumber !== undefined ? { serialNumber: d.serialNumber } : {}),
        ...(d.usagePage !== undefined ? { usagePage: d.usagePage } : {}),
      }));
    },
    async open(path) {
      const device = await hid.HIDAsync.open(path);
      return {
        async write(data) {
          await device.write(Buffer.from(data));
        },
        start(onReport, onError) {
          device.on('data', (data: Buffer) => onReport(new Uint8Array(data)));
          device.on('error', (e: unknown) =>
            onError(e instanceof Error ? e : new Error(String(e))),
          );
        },
        async close() {
          await device.close();
        },
      };
    },
  };
}

let cached: Promise<Result<HidBackend, TransportError>> | undefined;

/** Loads node-hid once; the native binding itself loads on the first enumeration. */
export const loadNodeHidBackend: HidBackendLoader = () => {
  cached ??= (async () => {
    try {
      const mod = (await import('node-hid')) as NodeHid & { default?: NodeHid };
      const hid = mod.default ?? mod;
      // Enumerate once here so a missing native library fails now, with its message.
      await hid.devicesAsync();
      return ok(fromNodeHid(hid));
    } catch (e) {
      return err({
        kind: 'moduleUnavailable',
        module: 'node-hid',
        message: `node-hid cannot be used: ${(e as Error).message}`,
      } as const);
    }
  })();
  return cached;
};
