/**
 * Remote-control keys as data. Boxes differ (Tizen sends 10009 for Back and 403–406 for the
 * colour keys, webOS and HbbTV 461 for Back, Hisense VIDAA Backspace), so a key becomes an
 * app command through a table, never through code paths per box. A technician can add codes
 * for an unknown remote (tech/key-tester-screen.tsx); those come first.
 *
 * Sources: HbbTV ETSI TS 102 796 (colour/media key codes), Samsung Tizen TV key codes,
 * LG webOS Back 461, Chromium VKEY_BROWSER_BACK 166.
 */
export const COMMANDS = [
  'up',
  'down',
  'left',
  'right',
  'ok',
  'back',
  'red',
  'green',
  'yellow',
  'blue',
  'playPause',
  'play',
  'pause',
  'stop',
  'rewind',
  'fastForward',
] as const;
export type NavCommand = (typeof COMMANDS)[number];

export type Command =
  | { readonly kind: 'command'; readonly command: NavCommand }
  | { readonly kind: 'digit'; readonly digit: number };

export interface KeyBinding {
  readonly command: NavCommand;
  /** `KeyboardEvent.keyCode` values (what most TV browsers send). */
  readonly codes: readonly number[];
  /** `KeyboardEvent.key` values (what desktop Chromium and newer boxes send). */
  readonly keys: readonly string[];
}

const DEFAULT_KEY_MAP: readonly KeyBinding[] = [
  { command: 'up', codes: [38], keys: ['ArrowUp'] },
  { command: 'down', codes: [40], keys: ['ArrowDown'] },
  { command: 'left', codes: [37], keys: ['ArrowLeft'] },
  { command: 'right', codes: [39], keys: ['ArrowRight'] },
  { command: 'ok', codes: [13], keys: ['Enter'] },
  {
    command: 'back',
    codes: [10009, 461, 166, 27, 8],
    keys: ['BrowserBack', 'Escape', 'Backspace', 'GoBack'],
  },
  { command: 'red', codes: [403], keys: ['ColorF0Red', 'F1'] },
  { command: 'green', codes: [404], keys: ['ColorF1Green', 'F2'] },
  { command: 'yellow', codes: [405], keys: ['ColorF2Yellow', 'F3'] },
  { command: 'blue', codes: [406], keys: ['ColorF3Blue', 'F4'] },
  { command: 'playPause', codes: [10252, 179], keys: ['MediaPlayPause'] },
  { command: 'play', codes: [415], keys: ['MediaPlay'] },
  { command: 'pause', codes: [19], keys: ['MediaPause', 'Pause'] },
  { command: 'stop', codes: [413, 178], keys: ['MediaStop'] },
  { command: 'rewind', codes: [412], keys: ['MediaRewind'] },
  { command: 'fastForward', codes: [417], keys: ['MediaFastForward'] },
];

export interface KeyInput {
  readonly key: string;
  readonly keyCode: number;
}

/** A technician's binding for one code of an unknown remote. */
export interface CustomBinding {
  readonly keyCode: number;
  readonly command: NavCommand;
}

/** The command a key stands for, or undefined for a key the app ignores. */
export function resolveKey(
  input: KeyInput,
  custom: readonly CustomBinding[] = [],
  map: readonly KeyBinding[] = DEFAULT_KEY_MAP,
): Command | undefined {
  const mapped = custom.find((c) => c.keyCode === input.keyCode && input.keyCode !== 0);
  if (mapped) return { kind: 'command', command: mapped.command };
  // Digits: top row 48–57, keypad 96–105, or the key itself.
  if (/^[0-9]$/.test(input.key)) return { kind: 'digit', digit: Number(input.key) };
  if (input.keyCode >= 48 && input.keyCode <= 57)
    return { kind: 'digit', digit: input.keyCode - 48 };
  if (input.keyCode >= 96 && input.keyCode <= 105)
    return { kind: 'digit', digit: input.keyCode - 96 };
  for (const binding of map) {
    if (binding.keys.includes(input.key) || binding.codes.includes(input.keyCode)) {
      return { kind: 'command', command: binding.command };
    }
  }
  return undefined;
}

function isNavCommand(value: unknown): value is NavCommand {
  return typeof value === 'string' && (COMMANDS as readonly string[]).includes(value);
}

/** Parses stored technician bindings (localStorage is input like any other). */
export function parseCustomBindings(value: unknown): CustomBinding[] {
  if (!Array.isArray(value)) return [];
  const out: CustomBinding[] = [];
  for (const item of value) {
    if (typeof item !== 'object' || item === null) continue;
    const { keyCode, command } = item as Record<string, unknown>;
    if (
      typeof keyCode === 'number' &&
      Number.isInteger(keyCode) &&
      keyCode > 0 &&
      keyCode < 65536 &&
      isNavCommand(command)
    ) {
      out.push({ keyCode, command });
    }
  }
  return out;
}

/** Adds or replaces the binding of one code. */
export function bindKey(list: readonly CustomBinding[], binding: CustomBinding): CustomBinding[] {
  return [...list.filter((b) => b.keyCode !== binding.keyCode), binding];
}
