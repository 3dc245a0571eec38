/** ID card reader service for the kiosk hosts (Electron main process and the device agent). */
export {
  openIdCardReader,
  findReaders,
  isReaderAttached,
  type OpenIdCardReaderOptions,
  type OpenedIdCardReader,
  type FindReadersOptions,
} from './open-id-card-reader';
export type { SimulatorControl } from './simulated-transport';
export { SimulatedTransport } from './simulated-transport';
export { NodeHidTransport } from './node-hid-transport';
export { SerialTransport } from './serial-transport';
export { AutoDetectTransport } from './auto-detect-transport';
export {
  discoverDevices,
  unusableReason,
  type DiscoveredDevice,
  type Discovery,
} from './device-discovery';
export {
  loadReaderProfiles,
  parseReaderProfiles,
  BUILTIN_PROFILES_PATH,
  LOCAL_PROFILES_ENV,
  type ReaderProfile,
} from './reader-profiles';
