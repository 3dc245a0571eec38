export * from './secret-store';
export * from './file-secret-store';
export * from './safe-storage-secret-store';
