/**
 * Legal calculators: pure functions over integer fen, each result a list of steps that say
 * how it was computed and which article they apply. Bad input is an InputProblem with a
 * message key, never NaN. Rules carry their verification status (rule-sources.ts).
 */
export * from './calculation';
export * from './calendar-date';
export * from './court-fees';
export * from './money';
export * from './parse-input';
export * from './rule-sources';
export * from './wage-claims';
export * from './work-injury';
