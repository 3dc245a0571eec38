/**
 * Dates and numbers in traditional Mongolian, written by hand: Intl has no traditional-script
 * data and answers `mn-Mong-CN` with Cyrillic Khalkha ("2026 оны арван нэгдүгээр сарын 23").
 *
 * Forms follow Inner Mongolian usage: "2026 ᠣᠨ ᠤ 11 ᠰᠠᠷᠠ ᠶᠢᠨ 23 ᠡᠳᠦᠷ" (year-GEN month-GEN day),
 * case suffixes after U+202F NNBSP, the detached final a of sar-a after U+180E MVS. Digits are
 * Latin by default (what ID cards, receipts and phone numbers use); Mongolian digits
 * (U+1810–1819) on request. Draft wording: reviewed together with locales/mn-Mong.
 */
const NNBSP = '\u202F';
const MVS = '\u180E';

/** on-u: "of the year" (genitive after n is -u). */
const YEAR_GENITIVE = `ᠣᠨ${NNBSP}ᠤ`;
/** sar-a: month, with the detached final a. */
const MONTH = `ᠰᠠᠷ${MVS}ᠠ`;
/** sar-a-yin: "of the month" (genitive after a vowel is -yin). */
const MONTH_GENITIVE = `${MONTH}${NNBSP}ᠶᠢᠨ`;
/** edür: day. */
const DAY = 'ᠡᠳᠦᠷ';
const COMMA = '᠂';

/** Ordinal month names: nigedüger sar-a … arban qoyaduγar sar-a. */
const MONTH_ORDINALS = [
  'ᠨᠢᠭᠡᠳᠦᠭᠡᠷ',
  'ᠬᠣᠶᠠᠳᠤᠭᠠᠷ',
  'ᠭᠤᠷᠪᠠᠳᠤᠭᠠᠷ',
  'ᠳᠥᠷᠪᠡᠳᠦᠭᠡᠷ',
  'ᠲᠠᠪᠤᠳᠤᠭᠠᠷ',
  'ᠵᠢᠷᠭᠤᠳᠤᠭᠠᠷ',
  'ᠳᠣᠯᠣᠳᠤᠭᠠᠷ',
  'ᠨᠠᠢᠮᠠᠳᠤᠭᠠᠷ',
  'ᠶᠢᠰᠦᠳᠦᠭᠡᠷ',
  'ᠠᠷᠪᠠᠳᠤᠭᠠᠷ',
  'ᠠᠷᠪᠠᠨ ᠨᠢᠭᠡᠳᠦᠭᠡᠷ',
  'ᠠᠷᠪᠠᠨ ᠬᠣᠶᠠᠳᠤᠭᠠᠷ',
] as const;

/** γaraγ-un edür (Sunday), γaraγ-un nigen (Monday) … γaraγ-un ǰirγuγan (Saturday). */
const WEEKDAYS = [
  `ᠭᠠᠷᠠᠭ${NNBSP}ᠤᠨ ᠡᠳᠦᠷ`,
  `ᠭᠠᠷᠠᠭ${NNBSP}ᠤᠨ ᠨᠢᠭᠡᠨ`,
  `ᠭᠠᠷᠠᠭ${NNBSP}ᠤᠨ ᠬᠣᠶᠠᠷ`,
  `ᠭᠠᠷᠠᠭ${NNBSP}ᠤᠨ ᠭᠤᠷᠪᠠᠨ`,
  `ᠭᠠᠷᠠᠭ${NNBSP}ᠤᠨ ᠳᠥᠷᠪᠡᠨ`,
  `ᠭᠠᠷᠠᠭ${NNBSP}ᠤᠨ ᠲᠠᠪᠤᠨ`,
  `ᠭᠠᠷᠠᠭ${NNBSP}ᠤᠨ ᠵᠢᠷᠭᠤᠭᠠᠨ`,
] as const;

export type DigitStyle = 'latn' | 'mong';

export interface MongolianNumberOptions {
  readonly digits?: DigitStyle;
  readonly maximumFractionDigits?: number;
  readonly minimumFractionDigits?: number;
  /** Thousands separators (as in Chinese usage: 1,234,567). Off for years and codes. */
  readonly useGrouping?: boolean;
}

const MONGOLIAN_ZERO = 0x1810;

/** Replaces ASCII digits with Mongolian digits ᠐–᠙; everything else is left alone. */
export function toMongolianDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCodePoint(MONGOLIAN_ZERO + Number(d)));
}

/** Grouping and decimal point as in China (1,234.5), never the Khalkha space/comma. */
const latinNumber = (value: number, options: MongolianNumberOptions): string =>
  new Intl.NumberFormat('en-US', {
    numberingSystem: 'latn',
    useGrouping: options.useGrouping ?? true,
    maximumFractionDigits: options.maximumFractionDigits ?? 2,
    minimumFractionDigits: options.minimumFractionDigits ?? 0,
  }).format(value);

export function formatMongolianNumber(value: number, options: MongolianNumberOptions = {}): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const text = latinNumber(value, options);
  return options.digits === 'mong' ? toMongolianDigits(text) : text;
}

/** Calendar fields of an instant in a time zone (China has one: Asia/Shanghai, no DST). */
export interface DateParts {
  readonly year: number;
  readonly month: number; // 1–12
  readonly day: number;
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekday: number;
  readonly hour: number;
  readonly minute: number;
}

const WEEKDAY_INDEX: Readonly<Record<string, number>> = {
  Sun: 0,
  Mon: 1,
  Tue: 2,
  Wed: 3,
  Thu: 4,
  Fri: 5,
  Sat: 6,
};

export function datePartsIn(date: Date, timeZone: string): DateParts {
  if (Number.isNaN(date.getTime())) throw new RangeError('invalid date');
  // en-US only to read numeric fields; nothing of it reaches the screen.
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    numberingSystem: 'latn',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    weekday: 'short',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(date);
  const field = (type: Intl.DateTimeFormatPartTypes): string => {
    const value = parts.find((p) => p.type === type)?.value;
    if (value === undefined) throw new Error(`Intl gave no ${type}`);
    return value;
  };
  const weekday = WEEKDAY_INDEX[field('weekday')];
  if (weekday === undefined) throw new Error(`unexpected weekday ${field('weekday')}`);
  return {
    year: Number(field('year')),
    month: Number(field('month')),
    day: Number(field('day')),
    weekday,
    hour: Number(field('hour')),
    minute: Number(field('minute')),
  };
}

export type DateStyle = 'full' | 'long' | 'short' | 'monthDay';

export interface MongolianDateOptions {
  readonly style?: DateStyle;
  /** 'name': "ᠠᠷᠪᠠᠨ ᠨᠢᠭᠡᠳᠦᠭᠡᠷ ᠰᠠᠷᠠ"; 'numeric' (default): "11 ᠰᠠᠷᠠ". */
  readonly month?: 'numeric' | 'name';
  readonly digits?: DigitStyle;
}

function monthWords(month: number, style: 'numeric' | 'name'): string {
  if (style === 'name') {
    const ordinal = MONTH_ORDINALS[month - 1];
    if (ordinal === undefined) throw new RangeError(`month ${month}`);
    return `${ordinal} ${MONTH_GENITIVE}`;
  }
  return `${month} ${MONTH_GENITIVE}`;
}

export function formatMongolianDate(parts: DateParts, options: MongolianDateOptions = {}): string {
  const style = options.style ?? 'long';
  const monthStyle = options.month ?? 'numeric';
  let text: string;
  switch (style) {
    case 'short':
      text = `${parts.year}.${pad2(parts.month)}.${pad2(parts.day)}`;
      break;
    case 'monthDay':
      text = `${monthWords(parts.month, monthStyle)} ${parts.day} ${DAY}`;
      break;
    case 'long':
    case 'full': {
      text = `${parts.year} ${YEAR_GENITIVE} ${monthWords(parts.month, monthStyle)} ${parts.day} ${DAY}`;
      if (style === 'full') {
        const weekday = WEEKDAYS[parts.weekday];
        if (weekday === undefined) throw new RangeError(`weekday ${parts.weekday}`);
        text += `${COMMA} ${weekday}`;
      }
      break;
    }
  }
  return options.digits === 'mong' ? toMongolianDigits(text) : text;
}

export function formatMongolianTime(parts: DateParts, digits: DigitStyle = 'latn'): string {
  const text = `${pad2(parts.hour)}:${pad2(parts.minute)}`;
  return digits === 'mong' ? toMongolianDigits(text) : text;
}

/** "A᠂ B ᠪᠠ C": Mongolian comma between items, ba ("and") before the last. */
export function formatMongolianList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(`${COMMA} `)} ᠪᠠ ${items[items.length - 1]}`;
}

/** yuwan: the currency unit after the amount. */
export const MONGOLIAN_YUAN = 'ᠶᠤᠸᠠᠨ';

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
