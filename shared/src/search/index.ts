/**
 * Bilingual (Chinese / traditional Mongolian) search over the content collection: tokenizer,
 * Mongolian normalization, the index with incremental updates and persistence, and the
 * relevance set it is measured against.
 */
export * from './chinese';
export * from './content-index';
export * from './mongolian';
export * from './relevance-set';
export * from './store';
export * from './synonyms';
export * from './tokenize';
