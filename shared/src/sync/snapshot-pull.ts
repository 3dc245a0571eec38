/**
 * First sync at the speed of the link (docs/decisions/0009-content-snapshots.md): on its first
 * pull of a public collection in a session, a device with no checkpoint (a new box) or far
 * behind (back after a long absence) downloads its scope's snapshot instead of pulling page by
 * page: range requests resume it after a cut, its sha256 is checked, and the documents and the
 * snapshot's checkpoint go to RxDB as one pull answer (stored in one write, the checkpoint
 * set with them). Ordinary delta pulls follow from that checkpoint. Anything wrong with the
 * snapshot (an older server, a file gone, a corrupt download) falls back to the page pull:
 * the snapshot is a shortcut, never the only way.
 */
import type {
  SnapshotCollection,
  SnapshotDescriptor,
  SyncCheckpoint,
  WireDocument,
} from '../protocol/index';
import { parsePullResponse, parseSnapshotDescriptor } from '../protocol/index';
import { err, ok, type Result } from '../domain/result';
import type { PullHandler } from './pull-handler';
import type { HttpFailure } from './sync-http';

export interface SnapshotPullOptions {
  readonly collection: SnapshotCollection;
  readonly serverUrl: string;
  readonly token: string;
  readonly fetch?: typeof fetch;
  /** Seqs behind the snapshot's checkpoint from which a device takes it instead of pulling. */
  readonly farBehind?: number;
  /** Download attempts (the first and the resumptions after cuts). */
  readonly attempts?: number;
  /** Pause before the first resumption of a cut download; doubled for each one after. */
  readonly resumeDelayMs?: number;
  /** A download with no byte for this long counts as cut. */
  readonly idleTimeoutMs?: number;
  readonly check: (documents: readonly WireDocument[]) => Result<void, HttpFailure>;
  /** What happened, for the status line and the bench. */
  readonly taken?: (outcome: SnapshotOutcome) => void;
}

export type SnapshotOutcome =
  | {
      readonly kind: 'used';
      readonly count: number;
      readonly bytes: number;
      readonly resumes: number;
    }
  | { readonly kind: 'skipped'; readonly reason: string };

export const SNAPSHOT_FAR_BEHIND = 2000;

export interface SnapshotDownload {
  readonly bytes: Uint8Array;
  readonly resumes: number;
}

/**
 * Downloads `url` (the descriptor's file) whole, resuming with `Range` + `If-Range` after a cut;
 * a 200 to a resumption (the file changed under the same name) starts over.
 */
export async function downloadResumable(
  url: string,
  descriptor: SnapshotDescriptor,
  options: Pick<SnapshotPullOptions, 'fetch' | 'attempts' | 'resumeDelayMs' | 'idleTimeoutMs'>,
): Promise<Result<SnapshotDownload, string>> {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const etag = `"sha256-${descriptor.sha256}"`;
  const attempts = options.attempts ?? 6;
  const chunks: Uint8Array[] = [];
  let received = 0;
  let resumes = 0;
  for (let attempt = 0; attempt < attempts && received < descriptor.size; attempt++) {
    if (attempt > 0) {
      resumes++;
      await new Promise((r) => setTimeout(r, (options.resumeDelayMs ?? 250) * 2 ** (resumes - 1)));
    }
    const controller = new AbortController();
    let idle: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      clearTimeout(idle);
      idle = setTimeout(() => controller.abort(), options.idleTimeoutMs ?? 30_000);
    };
    try {
      arm();
      const response = await fetchImpl(url, {
        headers: received > 0 ? { range: `bytes=${received}-`, 'if-range': etag } : {},
        signal: controller.signal,
      });
      if (response.status === 200) {
        chunks.length = 0;
        received = 0;
      } else if (response.status === 206) {
        const range = /^bytes (\d+)-/.exec(response.headers.get('content-range') ?? '');
        if (!range || Number(range[1]) !== received) return err('range answer does not resume');
      } else {
        await response.body?.cancel().catch(() => undefined);
        return err(`snapshot download: HTTP ${response.status}`);
      }
      if (response.headers.get('etag') !== etag) return err('snapshot changed under its name');
      const reader = response.body?.getReader();
      if (!reader) return err('snapshot download: no body');
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        arm();
        chunks.push(value);
        received += value.length;
      }
    } catch {
      // Cut (or no byte for too long): resume from what arrived.
    } finally {
      clearTimeout(idle);
    }
  }
  if (received !== descriptor.size)
    return err(`snapshot download: ${received} of ${descriptor.size} bytes`);
  const bytes = new Uint8Array(received);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return ok({ bytes, resumes });
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function gunzipText(bytes: Uint8Array): Promise<string> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}

export interface TakenSnapshot {
  readonly documents: WireDocument[];
  readonly checkpoint: SyncCheckpoint;
  readonly bytes: number;
  readonly resumes: number;
}

/**
 * The snapshot for a device at `checkpoint`: null when it is not worth taking (the device is
 * close enough, or the server has none), a failure when the download went wrong.
 */
export async function takeSnapshot(
  options: SnapshotPullOptions,
  checkpoint: SyncCheckpoint | undefined,
  /** Told the snapshot's checkpoint when its download starts (to pull the delta meanwhile). */
  downloading?: (checkpoint: SyncCheckpoint) => void,
): Promise<Result<TakenSnapshot | null, string>> {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const base = options.serverUrl.replace(/\/+$/, '');
  let descriptor: SnapshotDescriptor;
  try {
    const response = await fetchImpl(`${base}/api/sync/${options.collection}/snapshot`, {
      headers: { authorization: `Bearer ${options.token}` },
    });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return ok(null);
    }
    const parsed = parseSnapshotDescriptor(await response.json());
    if (!parsed.ok) return err(parsed.error);
    descriptor = parsed.value;
  } catch (error) {
    return err(`snapshot descriptor: ${(error as Error).message}`);
  }
  const behind = descriptor.checkpoint.seq - (checkpoint?.seq ?? 0);
  if (checkpoint !== undefined && behind < (options.farBehind ?? SNAPSHOT_FAR_BEHIND))
    return ok(null);
  downloading?.(descriptor.checkpoint);
  const downloaded = await downloadResumable(`${base}${descriptor.url}`, descriptor, options);
  if (!downloaded.ok) return downloaded;
  if ((await sha256Hex(downloaded.value.bytes)) !== descriptor.sha256)
    return err('snapshot sha256 does not match');
  let body: unknown;
  try {
    body = JSON.parse(await gunzipText(downloaded.value.bytes));
  } catch {
    return err('snapshot is not gzip-compressed JSON');
  }
  const parsed = parsePullResponse(body);
  if (!parsed.ok) return err(parsed.error.message);
  const checked = options.check(parsed.value.documents);
  if (!checked.ok) return err(checked.error.message);
  return ok({
    documents: [...parsed.value.documents],
    checkpoint: parsed.value.checkpoint ?? descriptor.checkpoint,
    bytes: downloaded.value.bytes.length,
    resumes: downloaded.value.resumes,
  });
}

/**
 * `pull` with the snapshot shortcut on the first pull of the session. An unreachable server
 * leaves the shortcut for the next attempt; any other outcome is final for the session.
 */
export function withSnapshot(pull: PullHandler, options: SnapshotPullOptions): PullHandler {
  let decided = false;
  return async (checkpoint, batchSize) => {
    if (decided) return pull(checkpoint, batchSize);
    let delta: ReturnType<PullHandler> | undefined;
    const taken = await takeSnapshot(options, checkpoint, (from) => {
      // The delta after the snapshot rides beside the download: its round trip is hidden.
      delta = pull(from, batchSize);
      delta.catch(() => undefined);
    });
    if (!taken.ok && taken.error.startsWith('snapshot descriptor:')) {
      options.taken?.({ kind: 'skipped', reason: taken.error });
      return pull(checkpoint, batchSize);
    }
    decided = true;
    if (!taken.ok || taken.value === null) {
      options.taken?.({ kind: 'skipped', reason: taken.ok ? 'not far behind' : taken.error });
      return pull(checkpoint, batchSize);
    }
    const { bytes, resumes } = taken.value;
    options.taken?.({ kind: 'used', count: taken.value.documents.length, bytes, resumes });
    return withDelta(delta ?? pull(taken.value.checkpoint, batchSize), taken.value);
  };
}

/**
 * The snapshot and the first delta page after it as one answer: RxDB stops pulling after an
 * answer shorter than its batch, so the delta must come with it (a later version of a document
 * replaces the snapshot's). A failed delta pull leaves it to the next pull.
 */
async function withDelta(
  pending: ReturnType<PullHandler>,
  snapshot: TakenSnapshot,
): ReturnType<PullHandler> {
  let delta: Awaited<ReturnType<PullHandler>>;
  try {
    delta = await pending;
  } catch {
    return { documents: snapshot.documents, checkpoint: snapshot.checkpoint };
  }
  const byId = new Map(snapshot.documents.map((d) => [String(d['id']), d]));
  for (const doc of delta.documents as readonly WireDocument[]) byId.set(String(doc['id']), doc);
  return { documents: [...byId.values()], checkpoint: delta.checkpoint ?? snapshot.checkpoint };
}
