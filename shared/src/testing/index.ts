export * from './sample-documents';
export * from '../sync/testing/fake-center';
