/**
 * Downloading a program file over a link that drops mid-file: each attempt asks only for the
 * bytes still missing (`Range: bytes=<have>-`, `If-Range: <etag>`), so a box resumes where it
 * stopped instead of starting again. A 200 answer means the file changed (or the server
 * ignores ranges): what was kept is dropped and the new file is taken whole. The bytes go to a
 * `PartialFile` (IndexedDB/Cache storage on the box, memory in tests).
 */
import { err, ok, type Result } from '@pls/shared/domain';

export interface PartialFile {
  /** Bytes already stored, and the ETag of the version they belong to. */
  readonly size: number;
  readonly etag: string | undefined;
  append(chunk: Uint8Array): Promise<void>;
  /** Drops everything (the server's file changed); the next bytes start a new version. */
  reset(etag: string | undefined): Promise<void>;
}

export type DownloadError =
  | { readonly kind: 'unreachable'; readonly message: string; readonly have: number }
  | { readonly kind: 'http'; readonly status: number; readonly have: number };

export interface DownloadOutcome {
  readonly bytes: number;
  readonly etag: string | undefined;
  /** Where this attempt started (0 when the file was taken whole). */
  readonly resumedFrom: number;
}

export async function downloadResuming(
  url: string,
  file: PartialFile,
  fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis),
): Promise<Result<DownloadOutcome, DownloadError>> {
  const headers: Record<string, string> = {};
  if (file.size > 0 && file.etag !== undefined) {
    headers['range'] = `bytes=${file.size}-`;
    headers['if-range'] = file.etag;
  }
  let response: Response;
  try {
    response = await fetchImpl(url, { headers });
  } catch (error) {
    return err({ kind: 'unreachable', message: (error as Error).message, have: file.size });
  }
  const etag = response.headers.get('etag') ?? undefined;
  let resumedFrom = 0;
  if (response.status === 416 && file.size > 0) {
    // Everything is here already (the last attempt ended right after the last byte).
    return ok({ bytes: file.size, etag: file.etag, resumedFrom: file.size });
  }
  if (response.status === 206) {
    const range = /^bytes (\d+)-\d+\/(\d+|\*)$/.exec(response.headers.get('content-range') ?? '');
    if (!range || Number(range[1]) !== file.size) {
      await response.body?.cancel();
      return err({ kind: 'http', status: 206, have: file.size });
    }
    resumedFrom = file.size;
  } else if (response.status === 200) {
    await file.reset(etag);
  } else {
    await response.body?.cancel();
    return err({ kind: 'http', status: response.status, have: file.size });
  }
  if (response.body === null) return ok({ bytes: file.size, etag, resumedFrom });
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      await file.append(value);
    }
  } catch (error) {
    // The link dropped mid-file: what arrived is kept for the next attempt.
    return err({ kind: 'unreachable', message: (error as Error).message, have: file.size });
  }
  return ok({ bytes: file.size, etag: etag ?? file.etag, resumedFrom });
}

/** A PartialFile in memory (tests; a box without persistent storage). */
export function memoryPartialFile(): PartialFile & { bytes(): Uint8Array } {
  let chunks: Uint8Array[] = [];
  let size = 0;
  let etag: string | undefined;
  return {
    get size() {
      return size;
    },
    get etag() {
      return etag;
    },
    async append(chunk) {
      chunks.push(chunk);
      size += chunk.byteLength;
    },
    async reset(next) {
      chunks = [];
      size = 0;
      etag = next;
    },
    bytes() {
      const out = new Uint8Array(size);
      let at = 0;
      for (const c of chunks) {
        out.set(c, at);
        at += c.byteLength;
      }
      return out;
    },
  };
}
