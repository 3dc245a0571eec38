/**
 * For unit tests: a storage that runs out of space on command, as IndexedDB does when the
 * origin's quota is exhausted. It wraps a real storage (RxDB's in-memory one) and makes every
 * write that adds data throw the DOMException a browser throws, with the control handle a test
 * uses to fill and free the disk. Reads and deletions keep working, as they do on a full disk
 * (a deletion is how space is freed).
 */
import type { RxStorage, RxStorageInstance, RxStorageInstanceCreationParams } from 'rxdb';

export interface DiskControl {
  /** From now on every write that adds data fails with QuotaExceededError. */
  fill(): void;
  /** Writes work again. */
  free(): void;
  /** Writes refused since the disk was last filled. */
  readonly refusedWrites: number;
}

export function fullableStorage<I, O>(
  storage: RxStorage<I, O>,
): { storage: RxStorage<I, O>; disk: DiskControl } {
  let full = false;
  let refused = 0;
  const disk: DiskControl = {
    fill() {
      full = true;
      refused = 0;
    },
    free() {
      full = false;
    },
    get refusedWrites() {
      return refused;
    },
  };
  const wrapped: RxStorage<I, O> = {
    ...storage,
    async createStorageInstance<RxDocType>(
      params: RxStorageInstanceCreationParams<RxDocType, O>,
    ): Promise<RxStorageInstance<RxDocType, I, O>> {
      const instance = await storage.createStorageInstance<RxDocType>(params);
      return new Proxy(instance, {
        get(target, property, receiver) {
          if (property === 'bulkWrite') {
            return (...args: Parameters<typeof target.bulkWrite>) => {
              const [writes] = args;
              if (full && !writes.every((w) => w.document._deleted)) {
                refused += 1;
                return Promise.reject(
                  new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
                );
              }
              return target.bulkWrite(...args);
            };
          }
          return Reflect.get(target, property, receiver) as unknown;
        },
      });
    },
  };
  return { storage: wrapped, disk };
}
