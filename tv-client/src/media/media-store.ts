/**
 * Program files on the box: IndexedDB database `pls-tv-media` (the box's Chromium profile),
 * store `files` (one record per file: size so far, ETag, expected total, complete, last watched)
 * and store `chunks` (the bytes as they arrived, keyed [file, seq]), so a download cut
 * mid-file keeps what arrived and the next attempt asks only for the rest
 * (resumable-download.ts). A complete file is played from a Blob of its chunks.
 */
import type { PartialFile } from './resumable-download';

export interface StoredFile {
  readonly file: string;
  readonly size: number;
  readonly etag: string | undefined;
  readonly total: number | undefined;
  readonly complete: boolean;
  readonly lastWatchedAt: number;
}

export interface MediaStore {
  list(): Promise<StoredFile[]>;
  /** The file as a resumable download target (chunks appended as they arrive). */
  partial(file: string, total: number | undefined, now: number): Promise<PartialFile>;
  markComplete(file: string): Promise<void>;
  touch(file: string, now: number): Promise<void>;
  blob(file: string, type: string): Promise<Blob | undefined>;
  remove(file: string): Promise<void>;
}

const req = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
const done = (tx: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });

export async function openMediaStore(
  factory: IDBFactory = indexedDB,
  name = 'pls-tv-media',
): Promise<MediaStore> {
  const open = factory.open(name, 1);
  open.onupgradeneeded = () => {
    open.result.createObjectStore('files', { keyPath: 'file' });
    open.result.createObjectStore('chunks');
  };
  const db = await req(open);
  const get = async (file: string) =>
    (await req(db.transaction('files').objectStore('files').get(file))) as StoredFile | undefined;
  const put = async (record: StoredFile) => {
    const tx = db.transaction('files', 'readwrite');
    tx.objectStore('files').put(record);
    await done(tx);
  };
  const chunkRange = (file: string) =>
    IDBKeyRange.bound([file, 0], [file, Number.MAX_SAFE_INTEGER]);
  const dropChunks = async (file: string) => {
    const tx = db.transaction('chunks', 'readwrite');
    tx.objectStore('chunks').delete(chunkRange(file));
    await done(tx);
  };

  return {
    async list() {
      return (await req(db.transaction('files').objectStore('files').getAll())) as StoredFile[];
    },
    async partial(file, total, now) {
      let record: StoredFile = (await get(file)) ?? {
        file,
        size: 0,
        etag: undefined,
        total,
        complete: false,
        lastWatchedAt: now,
      };
      let seq = (await req(
        db.transaction('chunks').objectStore('chunks').count(chunkRange(file)),
      )) as number;
      await put(record);
      return {
        get size() {
          return record.size;
        },
        get etag() {
          return record.etag;
        },
        async append(chunk) {
          // The chunk and the new size commit together: a cut never leaves them disagreeing.
          const tx = db.transaction(['chunks', 'files'], 'readwrite');
          tx.objectStore('chunks').put(chunk, [file, seq]);
          const next = { ...record, size: record.size + chunk.byteLength };
          tx.objectStore('files').put(next);
          await done(tx);
          seq += 1;
          record = next;
        },
        async reset(etag) {
          await dropChunks(file);
          seq = 0;
          record = { ...record, size: 0, etag, complete: false };
          await put(record);
        },
      };
    },
    async markComplete(file) {
      const record = await get(file);
      if (record) await put({ ...record, complete: true });
    },
    async touch(file, now) {
      const record = await get(file);
      if (record) await put({ ...record, lastWatchedAt: now });
    },
    async blob(file, type) {
      const record = await get(file);
      if (!record?.complete) return undefined;
      const chunks = (await req(
        db.transaction('chunks').objectStore('chunks').getAll(chunkRange(file)),
      )) as Uint8Array[];
      return new Blob(chunks as BlobPart[], { type });
    },
    async remove(file) {
      await dropChunks(file);
      const tx = db.transaction('files', 'readwrite');
      tx.objectStore('files').delete(file);
      await done(tx);
    },
  };
}
