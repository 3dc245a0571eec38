/** Test data for every package: sample documents and the search relevance sets. */
export * from './sample-documents';
export { RELEVANCE_SET, type RelevanceQuery } from '../search/relevance-set';
export * from '../sync/testing/fake-center';
