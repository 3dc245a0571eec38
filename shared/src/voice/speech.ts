/**
 * Choosing a speechSynthesis voice. Only Chinese may be spoken by a synthetic voice: there is
 * no offline traditional-Mongolian text-to-speech, and a Chinese or Khalkha (Cyrillic) voice
 * reading Mongolian script would say nothing or say it wrong. On Linux, getVoices() is often
 * empty (electron#22844); then there is no speech fallback at all.
 */
import type { Language } from '../i18n/languages';

/** The part of SpeechSynthesisVoice we read. */
export interface SpeechVoiceLike {
  readonly name: string;
  readonly lang: string;
  readonly localService: boolean;
}

/** Mandarin in Simplified script first; Cantonese voices would read Mandarin text wrongly. */
function mandarinRank(lang: string): number | undefined {
  const tag = lang.replace('_', '-').toLowerCase();
  if (tag === 'zh-cn' || tag.startsWith('zh-hans') || tag === 'cmn-cn' || tag === 'cmn-hans-cn') {
    return 0;
  }
  if (tag === 'cmn' || tag === 'zh' || tag.startsWith('cmn-')) return 1;
  if (tag === 'zh-tw' || tag.startsWith('zh-hant') || tag === 'zh-sg') return 2;
  return undefined; // yue, zh-HK and anything else
}

export function pickSpeechVoice<V extends SpeechVoiceLike>(
  voices: readonly V[],
  language: Language,
): V | undefined {
  if (language !== 'zh-Hans') return undefined;
  let best: V | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const voice of voices) {
    const rank = mandarinRank(voice.lang);
    if (rank === undefined) continue;
    // Offline voices before network ones: the kiosk may have no network.
    const score = (voice.localService ? 0 : 10) + rank;
    if (score < bestScore) {
      best = voice;
      bestScore = score;
    }
  }
  return best;
}
