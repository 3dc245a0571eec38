/**
 * The one place that decides between the real and the simulated reader. Hosts (Electron main,
 * the device agent, the CLI) pass their configuration (`simulate` comes from
 * `--simulate-reader`); business code only ever sees `IdCardReader`. The simulator also returns
 * its `control` handle for tests and the dev panel.
 */
import {
  createSamReader,
  systemClock,
  type Clock,
  type IdCardReader,
  type ReaderTiming,
  type SimulatedCard,
  type Transport,
} from '@pls/shared/idcard';
import { ok, type Result } from '@pls/shared/domain';
import { AutoDetectTransport } from './auto-detect-transport';
import { discoverDevices, type Discovery } from './device-discovery';
import { loadNodeHidBackend, type HidBackendLoader } from './hid-backend';
import { loadReaderProfiles, type LoadProfilesOptions } from './reader-profiles';
import { loadSerialPortBackend, type SerialBackendLoader } from './serial-backend';
import { SimulatedTransport, type SimulatorControl } from './simulated-transport';

export interface OpenIdCardReaderOptions {
  /** Use the simulated reader (`--simulate-reader`). */
  readonly simulate?: boolean;
  readonly clock?: Clock;
  readonly timing?: Partial<ReaderTiming>;
  /** Read `30 10` (text, photo, fingerprint) instead of `30 01`. */
  readonly readFingerprint?: boolean;
  /** Keep the raw WLT photo on cards (off by default: it stays out of IPC and logs). */
  readonly includePhoto?: boolean;
  /** Simulator: a card already on the reader at start. */
  readonly initialCard?: SimulatedCard;
  /** Simulator: reply delay in ms. */
  readonly latencyMs?: number;
  /** Hardware: where the profile table comes from. */
  readonly profiles?: LoadProfilesOptions;
  /** Hardware: backend loaders, replaceable in tests. */
  readonly loadHid?: HidBackendLoader;
  readonly loadSerial?: SerialBackendLoader;
}

export interface OpenedIdCardReader {
  readonly reader: IdCardReader;
  /** Only for the simulated reader. */
  readonly control?: SimulatorControl;
  /** For logs and `idcard list`: which link the reader uses. */
  readonly transport: Transport;
}

export function openIdCardReader(options: OpenIdCardReaderOptions = {}): OpenedIdCardReader {
  const clock = options.clock ?? systemClock;
  const common = {
    clock,
    ...(options.timing !== undefined ? { timing: options.timing } : {}),
    ...(options.readFingerprint !== undefined ? { readFingerprint: options.readFingerprint } : {}),
    ...(options.includePhoto !== undefined ? { includePhoto: options.includePhoto } : {}),
  };
  if (options.simulate === true) {
    const transport = new SimulatedTransport({
      clock,
      ...(options.latencyMs !== undefined ? { latencyMs: options.latencyMs } : {}),
    });
    if (options.initialCard !== undefined) transport.control.placeCard(options.initialCard);
    return {
      reader: createSamReader({ ...common, transport }),
      control: transport.control,
      transport,
    };
  }
  const transport = new AutoDetectTransport({
    profiles: loadReaderProfiles(options.profiles),
    loadHid: options.loadHid ?? loadNodeHidBackend,
    loadSerial: options.loadSerial ?? loadSerialPortBackend,
  });
  return { reader: createSamReader({ ...common, transport }), transport };
}

export interface FindReadersOptions {
  readonly profiles?: LoadProfilesOptions;
  readonly loadHid?: HidBackendLoader;
  readonly loadSerial?: SerialBackendLoader;
  readonly usbSysfsRoot?: string;
}

/**
 * Attached devices mapped through the profile table, for `idcard list` and for `npm start`
 * deciding whether to fall back to the simulator. A broken profile file is an error result.
 */
export async function findReaders(
  options: FindReadersOptions = {},
): Promise<Result<Discovery, string>> {
  const profiles = loadReaderProfiles(options.profiles);
  if (!profiles.ok) return profiles;
  const discovery = await discoverDevices({
    profiles: profiles.value,
    loadHid: options.loadHid ?? loadNodeHidBackend,
    loadSerial: options.loadSerial ?? loadSerialPortBackend,
    ...(options.usbSysfsRoot !== undefined ? { usbSysfsRoot: options.usbSysfsRoot } : {}),
  });
  return ok(discovery);
}

/** True when a reader this build can use is attached. */
export async function isReaderAttached(options: FindReadersOptions = {}): Promise<boolean> {
  const found = await findReaders(options);
  return found.ok && found.value.devices.some((d) => d.usable);
}
