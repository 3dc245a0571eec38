/**
 * Bilingual (Chinese / traditional Mongolian) search over the content collection: tokenizer,
 * Mongolian normalization, the index with incremental updates and persistence. The relevance
 * sets it is measured against are test data (relevance-set.ts, relevance-holdout.ts) and are
 * imported by their tests directly.
 */
export * from './chinese';
export * from './content-index';
export * from './mongolian';
export * from './store';
export * from './synonyms';
export * from './tokenize';
