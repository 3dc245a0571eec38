/**
 * What the kiosk does by the center's device_config, with safe defaults until the first pull
 * brings it (a fresh kiosk works offline from its first minute).
 */
import type { DeviceConfig, Language } from '@pls/shared/domain';

export interface DeviceSettings {
  readonly idleTimeoutSeconds: number;
  readonly idleWarningSeconds: number;
  readonly retentionDays: number;
  readonly printers: DeviceConfig['printers'];
  readonly defaultLanguage: Language;
  readonly voiceEnabled: boolean;
  readonly staffPin: DeviceConfig['staffPin'] | undefined;
  /** False until the center's config has been pulled once. */
  readonly fromCenter: boolean;
}

/** The server's own defaults (sync-server/src/services/devices.ts), until the config arrives. */
export const DEFAULT_SETTINGS: DeviceSettings = {
  idleTimeoutSeconds: 120,
  idleWarningSeconds: 20,
  retentionDays: 7,
  printers: { receiptWidth: '80mm', a4Enabled: true },
  defaultLanguage: 'mn-Mong',
  voiceEnabled: true,
  staffPin: undefined,
  fromCenter: false,
};

export function settingsOf(config: DeviceConfig | undefined): DeviceSettings {
  if (config === undefined) return DEFAULT_SETTINGS;
  // The schema allows a warning as long as the timeout; the idle timer needs it shorter.
  const warning = Math.min(config.idleWarningSeconds, config.idleTimeoutSeconds - 1);
  return {
    idleTimeoutSeconds: config.idleTimeoutSeconds,
    idleWarningSeconds: warning,
    retentionDays: config.retentionDays,
    printers: config.printers,
    defaultLanguage: config.defaultLanguage,
    voiceEnabled: config.voiceEnabled,
    staffPin: config.staffPin,
    fromCenter: true,
  };
}
