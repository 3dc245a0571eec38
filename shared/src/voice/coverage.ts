/**
 * Voice coverage: for each language, how many keys marked `voice: true` in locales/meta have a
 * current clip, which clips are stale (the text changed since recording) and which are missing.
 * Pure; `npm run voice:coverage` feeds it the files and prints the table.
 */
import { LANGUAGES, type Language } from '../i18n/languages';
import { textHash } from '../i18n/text-hash';
import type { VoiceClip, VoiceManifest } from './manifest';

export interface CoverageRow {
  readonly language: Language;
  /** Keys that need a clip. */
  readonly needed: number;
  /** Clips whose text hash matches the current string (and whose file exists). */
  readonly current: number;
  readonly recorded: number;
  readonly generated: number;
  readonly stale: number;
  readonly missing: number;
  /** current / needed, 0–100. */
  readonly percent: number;
}

export interface CoverageReport {
  readonly rows: readonly CoverageRow[];
  readonly stale: readonly VoiceClip[];
  readonly missing: readonly { readonly key: string; readonly lang: Language }[];
  /** Clips whose file is not on disk. */
  readonly missingFiles: readonly VoiceClip[];
  /** Clips of keys that no longer need voice or no longer exist. */
  readonly orphans: readonly VoiceClip[];
}

export interface CoverageInput {
  readonly manifest: VoiceManifest;
  /** Keys (ns:key) marked `voice: true`. */
  readonly voiceKeys: readonly string[];
  /** Current text of each key in each language. */
  readonly texts: Readonly<Record<Language, ReadonlyMap<string, string>>>;
  readonly fileExists: (file: string) => boolean;
}

export type ClipState = 'current' | 'stale' | 'missing';

/** Whether a clip still says the current text. */
export function clipState(clip: VoiceClip | undefined, text: string | undefined): ClipState {
  if (clip === undefined || text === undefined) return 'missing';
  return clip.textHash === textHash(text) ? 'current' : 'stale';
}

export function voiceCoverage(input: CoverageInput): CoverageReport {
  const needed = new Set(input.voiceKeys);
  const stale: VoiceClip[] = [];
  const missing: { key: string; lang: Language }[] = [];
  const missingFiles = input.manifest.clips.filter((c) => !input.fileExists(c.file));
  const orphans = input.manifest.clips.filter(
    (c) => !needed.has(c.key) || input.texts[c.lang].get(c.key) === undefined,
  );
  const rows = LANGUAGES.map((language): CoverageRow => {
    let current = 0;
    let recorded = 0;
    let generated = 0;
    let staleCount = 0;
    for (const key of needed) {
      const clip = input.manifest.clips.find((c) => c.key === key && c.lang === language);
      const state =
        clip !== undefined && !input.fileExists(clip.file)
          ? 'missing'
          : clipState(clip, input.texts[language].get(key));
      if (state === 'current' && clip !== undefined) {
        current += 1;
        if (clip.source === 'recorded') recorded += 1;
        else generated += 1;
      } else if (state === 'stale' && clip !== undefined) {
        staleCount += 1;
        stale.push(clip);
      } else {
        missing.push({ key, lang: language });
      }
    }
    return {
      language,
      needed: needed.size,
      current,
      recorded,
      generated,
      stale: staleCount,
      missing: needed.size - current - staleCount,
      percent: needed.size === 0 ? 100 : Math.round((current / needed.size) * 1000) / 10,
    };
  });
  return { rows, stale, missing, missingFiles, orphans };
}
