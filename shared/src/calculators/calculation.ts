/**
 * What every calculator returns: the amount (a range where the law gives one), and each step
 * that led to it, in words from the locales with its values and the article it applies.
 */
import type { TranslationKey } from '../i18n/typed-keys';
import type { Fen } from './money';
import type { Citation } from './rule-sources';

export interface FenRange {
  readonly min: Fen;
  readonly max: Fen;
}

export function exactly(amount: Fen): FenRange {
  return { min: amount, max: amount };
}

export function addRanges(a: FenRange, b: FenRange): FenRange {
  return { min: a.min + b.min, max: a.max + b.max };
}

export type StepValue = number | string;

export interface CalcStep {
  /** A sentence in the `services` namespace; amounts in its values are yuan (display only). */
  readonly key: TranslationKey;
  readonly values: Readonly<Record<string, StepValue>>;
  readonly basis: Citation;
  /** What this step adds to the total (absent for steps that only explain). */
  readonly amount?: FenRange;
}

export interface Calculation {
  readonly total: FenRange;
  readonly steps: readonly CalcStep[];
}

/** A bad entry, said in the user's language, pointing at the field. */
export interface InputProblem {
  readonly field: string;
  readonly key: TranslationKey;
}
