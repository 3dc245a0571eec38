/**
 * Money in integer fen (分). Every calculator works in fen so a sum of brackets never drifts
 * by a float rounding; yuan appear only when a step is put into words.
 */
export type Fen = number;

export const FEN_PER_YUAN = 100;

export function yuanToFen(yuan: number): Fen {
  return Math.round(yuan * FEN_PER_YUAN);
}

/** For display only ({{amount, yuan}} takes yuan). */
export function fenToYuan(fen: Fen): number {
  return fen / FEN_PER_YUAN;
}

/**
 * `amount × rate`, rate in basis points (1% = 100), rounded half up to a whole fen. The
 * regulations do not say how to round; courts round to the fen, and so do we.
 */
export function applyBasisPoints(amount: Fen, basisPoints: number): Fen {
  return divideRoundHalfUp(amount * basisPoints, 10_000);
}

/** Integer division rounded half up (all our operands are non-negative). */
export function divideRoundHalfUp(numerator: number, denominator: number): number {
  return Math.floor((numerator * 2 + denominator) / (denominator * 2));
}

/** Rate in basis points as a percentage number for the words (250 → 2.5). */
export function basisPointsToPercent(basisPoints: number): number {
  return basisPoints / 100;
}
