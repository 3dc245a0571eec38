/**
 * Splits text into runs by script, so a Mongolian text can tag its Chinese runs `zh-Hans-CN`
 * (Chinese glyph forms, Chinese font) and stand short numbers upright in a column.
 */
export type RunKind = 'mongolian' | 'han' | 'digits' | 'other';

export interface ScriptRun {
  readonly kind: RunKind;
  readonly text: string;
}

/** Mongolian letters, format controls (FVS, MVS, nirugu), punctuation, and NNBSP. */
const MONGOLIAN = /[\u1800-\u18AF\u202F\u200C\u200D]/u;
/** Han and the CJK punctuation that belongs with it (，。：（）、《》). */
const HAN = /[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF]/u;
const DIGIT = /[0-9]/;

function kindOf(char: string): RunKind {
  if (MONGOLIAN.test(char)) return 'mongolian';
  if (HAN.test(char)) return 'han';
  if (DIGIT.test(char)) return 'digits';
  return 'other';
}

/** A number with its separators ("12,800.50", "0471-6912348", "14:30") stays one run. */
const NUMBER = /^[0-9]+(?:[.,:/-][0-9]+)*/;

export function splitScriptRuns(text: string): ScriptRun[] {
  const runs: ScriptRun[] = [];
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const number = /[0-9]/.test(chars[i] ?? '') ? NUMBER.exec(chars.slice(i).join('')) : null;
    if (number !== null) {
      runs.push({ kind: 'digits', text: number[0] });
      i += number[0].length - 1;
      continue;
    }
    const char = chars[i] ?? '';
    const kind = kindOf(char);
    const last = runs[runs.length - 1];
    if (last !== undefined && last.kind === kind && kind !== 'digits') {
      runs[runs.length - 1] = { kind, text: last.text + char };
    } else {
      runs.push({ kind, text: char });
    }
  }
  return runs;
}

/** Numbers this short read upright in a vertical column (tate-chu-yoko); longer lie sideways. */
export const UPRIGHT_DIGITS_MAX = 2;
