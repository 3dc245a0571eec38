/** Test data for every package: sample documents, the search relevance sets, a fake center for sync clients. */
export * from './sample-documents';
export { RELEVANCE_SET, type RelevanceQuery } from '../search/relevance-set';
export * from '../sync/testing/fake-center';
