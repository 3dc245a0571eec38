/**
 * Reading the OCR text of an ID card front: the name after 姓名, the printed birth date, the
 * 18-character number; and the decision whether a number may be accepted without staff.
 * Tesseract's Chinese output puts spaces between characters, so lines are compared without them.
 */
import { parseIdNumber, type IdNumberError } from '@pls/shared/domain';
import type { OcrIdNumber } from '@pls/shared/protocol';

export function compact(text: string): string {
  return text.replace(/[\s\u3000]+/g, '');
}

/** The name on the 姓名 line: Han characters (and the middle dot of transliterated names). */
export function extractName(lines: readonly string[]): string | null {
  for (const raw of lines) {
    const line = compact(raw);
    const at = line.indexOf('姓名');
    if (at < 0) continue;
    const name = [...line.slice(at + 2)].filter((c) => /[\p{Script=Han}·]/u.test(c)).join('');
    if (name.length >= 1 && name.length <= 15) return name;
  }
  return null;
}

/** 出生 1961 年 4 月 12 日 → 1961-04-12 */
export function extractPrintedBirthDate(text: string): string | null {
  const match = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(compact(text));
  if (!match) return null;
  const [, y, m, d] = match as unknown as [string, string, string, string];
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/**
 * Runs of exactly 18 (or legacy 15) digits/X: ID number candidates, longest first. A longer
 * run is a misread (a doubled or split glyph); cutting it to 18 would invent a number.
 */
export function extractIdCandidates(text: string): string[] {
  const runs = compact(text.replace(/[xX×]/g, 'X')).match(/[0-9X]+/g) ?? [];
  return runs
    .filter((run) => run.length === 18 || run.length === 15)
    .sort((a, b) => b.length - a.length);
}

function reasonOf(error: IdNumberError): 'checkDigit' | 'invalid' {
  return error.kind === 'checkDigit' ? 'checkDigit' : 'invalid';
}

/**
 * Accept a number only when it validates (GB 11643 check digit, real birth date, known region)
 * and nothing contradicts it: every other reading of the number agrees, and the birth date
 * printed on the card, if read, is the one in the number. A misread that happens to validate
 * needs two independent errors; demanding agreement between the line read and the page read
 * turns even that into "staff confirm".
 */
export function decideIdNumber(
  reads: readonly string[],
  printedBirthDate: string | null,
  today: Date = new Date(),
): OcrIdNumber {
  const candidates = [...new Set(reads.filter((r) => r.length > 0))];
  const first = candidates[0];
  if (first === undefined) return { status: 'needsConfirmation', text: '', reason: 'notFound' };
  const parsed = candidates.map((c) => ({ text: c, result: parseIdNumber(c, { today }) }));
  const valid = parsed.flatMap((p) => (p.result.ok ? [p.result.value] : []));
  const chosen = valid[0];
  if (chosen === undefined) {
    const firstParse = parsed[0]!.result;
    return {
      status: 'needsConfirmation',
      text: first,
      reason: firstParse.ok ? 'invalid' : reasonOf(firstParse.error),
    };
  }
  if (candidates.length > 1) {
    return { status: 'needsConfirmation', text: chosen.idNumber, reason: 'readsDisagree' };
  }
  if (chosen.convertedFrom15) {
    // Every card in use prints 18 characters (15-digit cards expired in 2013), and 15 digits
    // carry no check digit: a number line cut short by three characters can pass as one.
    return { status: 'needsConfirmation', text: first, reason: 'invalid' };
  }
  if (printedBirthDate !== null && printedBirthDate !== chosen.birthDate) {
    return { status: 'needsConfirmation', text: chosen.idNumber, reason: 'birthDateMismatch' };
  }
  return {
    status: 'accepted',
    idNumber: chosen.idNumber,
    birthDate: chosen.birthDate,
    sex: chosen.sex,
  };
}

/**
 * A reading one character too long, such as an extra 9 read into the number, can often be
 * mended: the 18-character numbers left by deleting one character that fully validate (check
 * digit, region, birth date). Only a single such number is a suggestion, and only a suggestion:
 * the reading was wrong once, so staff confirm it against the card.
 */
export function mendOverlongReading(run: string, today: Date = new Date()): string | null {
  if (run.length !== 19) return null;
  const mended = new Set<string>();
  for (let i = 0; i < run.length; i++) {
    const candidate = run.slice(0, i) + run.slice(i + 1);
    if (parseIdNumber(candidate, { today }).ok) mended.add(candidate);
  }
  return mended.size === 1 ? [...mended][0]! : null;
}

/**
 * The decision for one read of the number line alone (the fast mode): there is no second read
 * to cross-check, so only an exact 18-character reading that validates is accepted. Anything
 * else goes to staff with the best text to start from: a mended number, a whole word of 18
 * characters next to stray glyphs, or the digits as read.
 */
export function decideNumberLine(text: string, today: Date = new Date()): OcrIdNumber {
  const candidates = extractIdCandidates(text);
  if (candidates.length > 0) return decideIdNumber(candidates, null, today);
  const normalized = text.replace(/[xX×]/g, 'X');
  // Words as Tesseract separated them: a stray glyph from the label is its own word.
  const words = normalized.match(/[0-9X]+/g) ?? [];
  const runs = compact(normalized).match(/[0-9X]+/g) ?? [];
  const suggestions = new Set<string>([
    ...words.filter((word) => word.length === 18 && parseIdNumber(word, { today }).ok),
    ...runs.flatMap((run) => mendOverlongReading(run, today) ?? []),
  ]);
  if (suggestions.size === 1) {
    return { status: 'needsConfirmation', text: [...suggestions][0]!, reason: 'invalid' };
  }
  const longest = [...runs].sort((a, b) => b.length - a.length)[0] ?? '';
  // A few digits are noise, not a reading worth typing over.
  if (longest.length < 10) return { status: 'needsConfirmation', text: '', reason: 'notFound' };
  return { status: 'needsConfirmation', text: longest, reason: 'invalid' };
}
