/**
 * SAM host commands (docs/idcard-protocol.md §1). Codes stay configurable: vendor builds
 * differ (CVR_100AU_NJ uses 00 81/00 82/00 83 for find/select/read), and a device profile can
 * override any of them without a code change.
 */

export type SamCommandName =
  | 'resetSam'
  | 'samStatus'
  | 'samId'
  | 'findCard'
  | 'selectCard'
  | 'readText'
  | 'readTextFingerprint'
  | 'readAppendedAddress';

/** CMD, PARA and any data bytes that follow them. */
export type SamCommandCode = readonly number[];

export type SamCommandSet = Readonly<Record<SamCommandName, SamCommandCode>>;

export const DEFAULT_SAM_COMMANDS: SamCommandSet = {
  resetSam: [0x10, 0xff],
  samStatus: [0x11, 0xff],
  samId: [0x12, 0xff],
  findCard: [0x20, 0x01],
  selectCard: [0x20, 0x02],
  readText: [0x30, 0x01],
  readTextFingerprint: [0x30, 0x10],
  readAppendedAddress: [0x30, 0x03],
};

export const SAM_COMMAND_NAMES = Object.keys(DEFAULT_SAM_COMMANDS) as readonly SamCommandName[];

export function isSamCommandName(value: string): value is SamCommandName {
  return (SAM_COMMAND_NAMES as readonly string[]).includes(value);
}

/** Profile overrides on top of the defaults. */
export function samCommandSet(overrides: Partial<SamCommandSet> = {}): SamCommandSet {
  return { ...DEFAULT_SAM_COMMANDS, ...overrides };
}
