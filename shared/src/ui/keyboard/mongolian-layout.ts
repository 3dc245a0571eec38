/**
 * Traditional Mongolian keyboard, GB/T 28038-2011 §4.3 as encoded by xkeyboard-config
 * `cn(mon_trad)` ("Mongolian (Bichig)"): QWERTY positions, the shifted layer for rarer letters.
 * One addition: Shift+` gives FVS4 (U+180F, Unicode 14, used by UTN #57), which the xkb layout
 * predates (it has "~" there).
 */
export const FVS1 = '\u180B';
export const FVS2 = '\u180C';
export const FVS3 = '\u180D';
export const FVS4 = '\u180F';
export const MVS = '\u180E';
export const NNBSP = '\u202F';
export const ZWJ = '\u200D';
export const ZWNJ = '\u200C';
export const NIRUGU = '\u180A';

export interface LayoutKey {
  /** xkb key name, stable id for tests and styling. */
  readonly id: string;
  readonly base: string;
  readonly shift: string;
}

const k = (id: string, base: string, shift: string = base): LayoutKey => ({ id, base, shift });

export const MONGOLIAN_LAYOUT: readonly (readonly LayoutKey[])[] = [
  [
    k('TLDE', FVS3, FVS4),
    k('AE01', '1', '!'),
    k('AE02', '2', '⁈'),
    k('AE03', '3', '⁉'),
    k('AE04', '4'),
    k('AE05', '5', '%'),
    k('AE06', '6', ZWNJ),
    k('AE07', '7', NIRUGU),
    k('AE08', '8', ZWJ),
    k('AE09', '9', '('),
    k('AE10', '0', ')'),
    k('AE11', NNBSP, MVS),
    k('AE12', '=', '+'),
  ],
  [
    k('AD01', 'ᠣ', 'ᡂ'),
    k('AD02', 'ᠸ'),
    k('AD03', 'ᠡ', 'ᠧ'),
    k('AD04', 'ᠷ', 'ᠿ'),
    k('AD05', 'ᠲ'),
    k('AD06', 'ᠶ'),
    k('AD07', 'ᠦ'),
    k('AD08', 'ᠢ'),
    k('AD09', 'ᠥ'),
    k('AD10', 'ᠫ'),
    k('AD11', '[', '〈'),
    k('AD12', ']', '〉'),
    k('BKSL', '᠁', '—'),
  ],
  [
    k('AC01', 'ᠠ'),
    k('AC02', 'ᠰ'),
    k('AC03', 'ᠳ'),
    k('AC04', 'ᠹ'),
    k('AC05', 'ᠭ'),
    k('AC06', 'ᠬ', 'ᠾ'),
    k('AC07', 'ᠵ'),
    k('AC08', 'ᠺ', 'ᠻ'),
    k('AC09', 'ᠯ', 'ᡀ'),
    k('AC10', ';', '᠄'),
    k('AC11', FVS1, FVS2),
  ],
  [
    k('AB01', 'ᠽ', 'ᡁ'),
    k('AB02', 'ᠱ'),
    k('AB03', 'ᠴ', 'ᠼ'),
    k('AB04', 'ᠤ'),
    k('AB05', 'ᠪ'),
    k('AB06', 'ᠨ', 'ᠩ'),
    k('AB07', 'ᠮ'),
    k('AB08', '᠂', '《'),
    k('AB09', '᠃', '》'),
    k('AB10', '·', '?'),
  ],
];

/** Characters with no visible glyph of their own: their keys carry a word label instead. */
export const INVISIBLE_LABELS: Readonly<
  Record<string, 'fvs1' | 'fvs2' | 'fvs3' | 'fvs4' | 'mvs' | 'nnbsp' | 'zwj' | 'zwnj'>
> = {
  [FVS1]: 'fvs1',
  [FVS2]: 'fvs2',
  [FVS3]: 'fvs3',
  [FVS4]: 'fvs4',
  [MVS]: 'mvs',
  [NNBSP]: 'nnbsp',
  [ZWJ]: 'zwj',
  [ZWNJ]: 'zwnj',
};

/** Latin letter rows of the pinyin keyboard (v stands for ü, as in every pinyin IME). */
export const PINYIN_ROWS: readonly string[] = ['qwertyuiop', 'asdfghjkl', "zxcvbnm'"];

export type DigitPadKind = 'number' | 'phone' | 'idNumber';

/** Digit pad: 3×4, X only for ID numbers (the GB 11643 check character). */
export function digitPadKeys(kind: DigitPadKind): readonly string[] {
  return ['1', '2', '3', '4', '5', '6', '7', '8', '9', kind === 'idNumber' ? 'X' : '', '0'];
}
