/**
 * Which readers are attached: HID devices (node-hid) and serial ports (serialport) mapped
 * through the profile table, plus, on Linux, every USB device from sysfs so that a known but
 * unsupported reader (a USB bulk device node-hid cannot open) is named instead of invisible.
 * Serial ports are never probed with bytes: a port is a reader only if a profile says so (the
 * receipt printer may sit on a serial port too).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TransportError } from '@pls/shared/idcard';
import type { HidBackendLoader } from './hid-backend';
import {
  formatUsbId,
  matchSerialPathProfile,
  matchUsbProfile,
  type ReaderProfile,
} from './reader-profiles';
import type { SerialBackendLoader } from './serial-backend';

export interface DiscoveredDevice {
  readonly kind: 'hid' | 'serial' | 'usb';
  /** hidraw/device path or serial port; absent for sysfs-only USB entries. */
  readonly path?: string;
  /** `vvvv:pppp` when known. */
  readonly usbId?: string;
  readonly vendorId?: number;
  readonly productId?: number;
  readonly product?: string;
  readonly manufacturer?: string;
  readonly profile?: ReaderProfile;
  /** A profile matched and this build can talk to it. */
  readonly usable: boolean;
}

export interface Discovery {
  readonly devices: readonly DiscoveredDevice[];
  /** Backends that could not be loaded (missing native library…). */
  readonly unavailable: readonly TransportError[];
}

export interface DiscoverOptions {
  readonly profiles: readonly ReaderProfile[];
  readonly loadHid: HidBackendLoader;
  readonly loadSerial: SerialBackendLoader;
  /** Root of the USB sysfs tree; tests point it elsewhere. Linux only. */
  readonly usbSysfsRoot?: string;
}

interface SysfsUsbDevice {
  readonly vendorId: number;
  readonly productId: number;
  readonly product?: string;
  readonly manufacturer?: string;
}

function listSysfsUsbDevices(root = '/sys/bus/usb/devices'): SysfsUsbDevice[] {
  let entries: string[];
  try {
    entries = readdirSync(root);
  } catch {
    return [];
  }
  const read = (dir: string, file: string) => {
    try {
      return readFileSync(join(root, dir, file), 'utf8').trim();
    } catch {
      return undefined;
    }
  };
  const out: SysfsUsbDevice[] = [];
  for (const dir of entries) {
    const vendor = read(dir, 'idVendor');
    const product = read(dir, 'idProduct');
    if (vendor === undefined || product === undefined) continue;
    if (!/^[0-9a-f]{4}$/i.test(vendor) || !/^[0-9a-f]{4}$/i.test(product)) continue;
    const name = read(dir, 'product');
    const manufacturer = read(dir, 'manufacturer');
    out.push({
      vendorId: parseInt(vendor, 16),
      productId: parseInt(product, 16),
      ...(name !== undefined ? { product: name } : {}),
      ...(manufacturer !== undefined ? { manufacturer } : {}),
    });
  }
  return out;
}

export async function discoverDevices(options: DiscoverOptions): Promise<Discovery> {
  const { profiles } = options;
  const devices: DiscoveredDevice[] = [];
  const unavailable: TransportError[] = [];
  const seenUsb = new Set<string>();

  const hid = await options.loadHid();
  if (hid.ok) {
    for (const d of await hid.value.devices().catch(() => [])) {
      const profile = matchUsbProfile(profiles, d.vendorId, d.productId, 'hid');
      const usbId = formatUsbId(d.vendorId, d.productId);
      seenUsb.add(usbId);
      devices.push({
        kind: 'hid',
        usbId,
        vendorId: d.vendorId,
        productId: d.productId,
        ...(d.path !== undefined ? { path: d.path } : {}),
        ...(d.product !== undefined ? { product: d.product } : {}),
        ...(d.manufacturer !== undefined ? { manufacturer: d.manufacturer } : {}),
        ...(profile !== undefined ? { profile } : {}),
        usable: profile?.transport === 'hid' && d.path !== undefined,
      });
    }
  } else {
    unavailable.push(hid.error);
  }

  const serial = await options.loadSerial();
  if (serial.ok) {
    for (const p of await serial.value.list().catch(() => [])) {
      const profile =
        matchSerialPathProfile(profiles, p.path) ??
        (p.vendorId !== undefined && p.productId !== undefined
          ? matchUsbProfile(profiles, p.vendorId, p.productId, 'serial')
          : undefined);
      const usbId =
        p.vendorId !== undefined && p.productId !== undefined
          ? formatUsbId(p.vendorId, p.productId)
          : undefined;
      if (usbId !== undefined) seenUsb.add(usbId);
      devices.push({
        kind: 'serial',
        path: p.path,
        ...(usbId !== undefined ? { usbId } : {}),
        ...(p.vendorId !== undefined ? { vendorId: p.vendorId } : {}),
        ...(p.productId !== undefined ? { productId: p.productId } : {}),
        ...(p.manufacturer !== undefined ? { manufacturer: p.manufacturer } : {}),
        ...(profile !== undefined ? { profile } : {}),
        usable: profile?.transport === 'serial',
      });
    }
  } else {
    unavailable.push(serial.error);
  }

  for (const u of listSysfsUsbDevices(options.usbSysfsRoot)) {
    const usbId = formatUsbId(u.vendorId, u.productId);
    if (seenUsb.has(usbId)) continue;
    const profile = profiles.find(
      (p) =>
        'vendorId' in p.match &&
        p.match.vendorId === u.vendorId &&
        p.match.productId === u.productId,
    );
    if (profile === undefined) continue;
    seenUsb.add(usbId);
    devices.push({
      kind: 'usb',
      usbId,
      vendorId: u.vendorId,
      productId: u.productId,
      ...(u.product !== undefined ? { product: u.product } : {}),
      ...(u.manufacturer !== undefined ? { manufacturer: u.manufacturer } : {}),
      profile,
      usable: false,
    });
  }
  return { devices, unavailable };
}

/** Why a matched device cannot be used, for `idcard list` and the status reason. */
export function unusableReason(device: DiscoveredDevice): string | undefined {
  if (device.usable) return undefined;
  const profile = device.profile;
  if (profile === undefined) return 'no matching profile';
  if (profile.transport === 'unsupported') return profile.reason ?? 'unsupported';
  if (device.kind === 'usb') {
    return `seen on USB but not as a ${profile.transport} device (driver not bound, or no permission)`;
  }
  if (device.path === undefined) return 'the operating system gave no device path';
  return `profile is for ${profile.transport}, found as ${device.kind}`;
}
