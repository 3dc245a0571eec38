/**
 * The box's program library: which files are downloaded (the tiles' mark), where to play a
 * program from (the local copy, else the server's media route), and the background download
 * queue: when online, one file at a time in the order of media-plan.ts, resuming a cut download
 * where it stopped (a few quick retries, then again at the next trigger), within the storage
 * budget, never evicting what is playing, pinned or in continue-watching (eviction.ts).
 */
import type { Content } from '@pls/shared/domain';
import { DEFAULT_MEDIA_BUDGET_BYTES, type StoredMedia } from './eviction';
import { mediaType, mediaUrl, nextDownload, type Lang } from './media-plan';
import type { MediaStore } from './media-store';
import { downloadResuming } from './resumable-download';

export interface MediaLibraryOptions {
  readonly store: MediaStore;
  readonly serverUrl: string;
  readonly canPlay: (type: string) => boolean;
  readonly isOnline: () => boolean;
  readonly now: () => number;
  readonly fetchImpl?: typeof fetch;
  readonly budget?: number;
  /** Waits before a retry of a cut download (tests pass an immediate one). */
  readonly pause?: (ms: number) => Promise<void>;
}

export type PlaySource =
  | { readonly kind: 'local'; readonly url: string; release(): void }
  | { readonly kind: 'stream'; readonly url: string; release(): void };

const RETRIES = 3;

export class MediaLibrary {
  private complete = new Set<string>();
  private listeners = new Set<() => void>();
  private programs: readonly Content[] = [];
  private language: Lang = 'mn-Mong';
  private continueWatching = new Set<string>();
  private pinned = new Set<string>();
  private playing: string | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  /** Bumped whenever the set of downloaded files changes (React's useSyncExternalStore). */
  version = 0;

  constructor(private readonly options: MediaLibraryOptions) {}

  async load(): Promise<void> {
    const files = await this.options.store.list();
    this.complete = new Set(files.filter((f) => f.complete).map((f) => f.file));
    this.emit();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  isDownloaded(file: string): boolean {
    return this.complete.has(file);
  }

  /** What the queue should fetch: the programs shown, the viewer's language, what is kept. */
  update(input: {
    programs: readonly Content[];
    language: Lang;
    continueWatching: Iterable<string>;
    pinned?: Iterable<string>;
  }): void {
    this.programs = input.programs;
    this.language = input.language;
    this.continueWatching = new Set(input.continueWatching);
    this.pinned = new Set(input.pinned ?? []);
    // Fire and forget: the queue runs in the background and drain() keeps its own failures.
    void this.kick();
  }

  setPlaying(file: string | undefined): void {
    this.playing = file;
  }

  /** The local copy when complete, else the server's media route (streamed, ranges). */
  async source(file: string): Promise<PlaySource> {
    const type = mediaType(file) ?? 'video/mp4';
    if (this.complete.has(file)) {
      const blob = await this.options.store.blob(file, type.split(';')[0]!);
      if (blob) {
        await this.options.store.touch(file, this.options.now());
        const url = URL.createObjectURL(blob);
        return { kind: 'local', url, release: () => URL.revokeObjectURL(url) };
      }
    }
    return { kind: 'stream', url: mediaUrl(this.options.serverUrl, file), release: () => {} };
  }

  /** Starts the queue if it is idle (online, something wanted); returns when it is idle again. */
  kick(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        void this.kick();
      }
    });
    return this.running;
  }

  private async drain(): Promise<void> {
    const { store, now } = this.options;
    const pause = this.options.pause ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    const failed = new Set<string>();
    while (this.options.isOnline()) {
      const files = await store.list();
      const stored: StoredMedia[] = files.map((f) => ({
        id: f.file,
        bytes: f.complete ? f.size : Math.max(f.size, f.total ?? 0),
        lastWatchedAt: f.lastWatchedAt,
        pinned: this.pinned.has(f.file),
        playing: this.playing === f.file,
        continueWatching: this.programs.some(
          (p) => this.continueWatching.has(p.id) && p.media.some((m) => m.file === f.file),
        ),
      }));
      const job = nextDownload({
        programs: this.programs.filter((p) => p.media.every((m) => !failed.has(m.file))),
        language: this.language,
        canPlay: this.options.canPlay,
        stored,
        complete: this.complete,
        continueWatching: this.continueWatching,
        budget: this.options.budget ?? DEFAULT_MEDIA_BUDGET_BYTES,
      });
      if (job === undefined) return;
      for (const file of job.evict) {
        await store.remove(file);
        this.complete.delete(file);
      }
      const total = this.programs
        .find((p) => p.id === job.contentId)
        ?.media.find((m) => m.file === job.file)?.bytes;
      const target = await store.partial(job.file, total, now());
      const url = mediaUrl(this.options.serverUrl, job.file);
      let finished = false;
      for (let attempt = 0; attempt <= RETRIES && !finished; attempt++) {
        if (attempt > 0) await pause(1000 * attempt);
        const result = await downloadResuming(url, target, this.options.fetchImpl);
        // A body that ended early without an error is still incomplete: resume it.
        finished = result.ok && (total === undefined || target.size >= total);
        if (!result.ok && result.error.kind === 'http') break;
      }
      if (!finished) {
        failed.add(job.file);
        continue;
      }
      await store.markComplete(job.file);
      this.complete.add(job.file);
      this.emit();
    }
  }

  private emit(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }
}
