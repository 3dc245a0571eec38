/**
 * Which program file a box plays and downloads, as pure rules: the file in the viewer's language
 * first (else the other one), only files that exist (`available`) and that this box's Chromium
 * says it can play (`canPlayType`), fetched from the server's media route
 * (`GET /api/media/<path>`, sync-server/src/routes/media.ts). The download order: what the
 * viewer is likely to watch next (continue-watching, then the pack's order), each fitted into
 * the storage budget by the eviction plan.
 */
import type { Content } from '@pls/shared/domain';
import { planEviction, type StoredMedia } from './eviction';

export type MediaRef = Content['media'][number];
export type Lang = 'zh-Hans' | 'mn-Mong';

/** MIME types with codecs of the files we make (tv-client/scripts/make-programs.ts). */
const MEDIA_TYPES: Readonly<Record<string, string>> = {
  mp4: 'video/mp4; codecs="avc1.4D401F, mp4a.40.2"',
  webm: 'video/webm; codecs="vp9, opus"',
};

export function mediaType(file: string): string | undefined {
  return MEDIA_TYPES[file.slice(file.lastIndexOf('.') + 1).toLowerCase()];
}

/** The URL of a pack file on the center's server (pack paths start with `media/`). */
export function mediaUrl(serverUrl: string, file: string): string {
  if (/^https?:\/\//.test(file)) return file;
  const path = file.replace(/^media\//, '');
  return `${serverUrl.replace(/\/+$/, '')}/api/media/${path.split('/').map(encodeURIComponent).join('/')}`;
}

/** The file to play for this viewer, or why there is none. */
export function pickMedia(
  item: Content,
  language: Lang,
  canPlay: (type: string) => boolean,
): { ok: true; media: MediaRef } | { ok: false; reason: 'unavailable' | 'cannotPlay' } {
  const made = item.media.filter((m) => m.available && (m.kind === 'video' || m.kind === 'audio'));
  if (made.length === 0) return { ok: false, reason: 'unavailable' };
  const playable = made.filter((m) => {
    const type = mediaType(m.file);
    return type !== undefined && canPlay(type);
  });
  if (playable.length === 0) return { ok: false, reason: 'cannotPlay' };
  const mine = playable.find((m) => m.language === language);
  return { ok: true, media: mine ?? playable[0]! };
}

export interface DownloadJob {
  readonly contentId: string;
  readonly file: string;
  /** Files to delete first so this one fits the budget. */
  readonly evict: readonly string[];
}

/**
 * The next file to download, or undefined when everything wanted is here or nothing more fits.
 * `stored` lists complete and partial files (a partial one counts with its expected size).
 */
export function nextDownload(input: {
  readonly programs: readonly Content[];
  readonly language: Lang;
  readonly canPlay: (type: string) => boolean;
  readonly stored: readonly StoredMedia[];
  readonly complete: ReadonlySet<string>;
  readonly continueWatching: ReadonlySet<string>;
  readonly budget: number;
}): DownloadJob | undefined {
  const wanted = input.programs
    .map((item) => ({ item, pick: pickMedia(item, input.language, input.canPlay) }))
    .filter((w) => w.pick.ok)
    .sort(
      (a, b) =>
        Number(input.continueWatching.has(b.item.id)) -
          Number(input.continueWatching.has(a.item.id)) || a.item.order - b.item.order,
    );
  for (const { item, pick } of wanted) {
    if (!pick.ok) continue;
    const { file } = pick.media;
    if (input.complete.has(file)) continue;
    const others = input.stored.filter((s) => s.id !== file);
    const plan = planEviction(others, pick.media.bytes ?? 0, input.budget);
    if (!plan.ok) continue;
    return { contentId: item.id, file, evict: plan.evict };
  }
  return undefined;
}
