/**
 * Voice guidance: says a string aloud in the current language.
 *   1. the recorded clip for that key and language, if it still matches the text;
 *   2. Chinese only: speechSynthesis, if a Mandarin voice exists;
 *   3. otherwise the caption is shown highlighted, so the prompt is never lost.
 * Mongolian never falls back to a synthetic voice (see speech.ts). The caption of what is being
 * said is published in every case, for people who hear poorly.
 * Audio and speech are injected: the browser passes `new Audio(url)` and window.speechSynthesis;
 * tests pass fakes.
 */
import type { Language } from '../i18n/languages';
import { textHash } from '../i18n/text-hash';
import { findClip, type VoiceManifest } from './manifest';
import { pickSpeechVoice, type SpeechVoiceLike } from './speech';

export interface AudioLike {
  play(): Promise<void>;
  pause(): void;
  addEventListener(type: 'ended' | 'error', listener: () => void): void;
}

export interface UtteranceLike {
  lang: string;
  voice: SpeechVoiceLike | null;
  rate: number;
  onend: (() => void) | null;
  onerror: (() => void) | null;
}

export interface SpeechLike {
  getVoices(): readonly SpeechVoiceLike[];
  speak(utterance: UtteranceLike): void;
  cancel(): void;
}

export interface VoiceGuideOptions {
  readonly manifest: VoiceManifest;
  /** The current text of a key in a language (from i18next). */
  readonly textOf: (key: string, lang: Language) => string;
  /** URL of a clip file (relative to assets/voice), e.g. through the app:// protocol. */
  readonly clipUrl: (file: string) => string;
  readonly createAudio: (url: string) => AudioLike;
  readonly speech?: {
    readonly synth: SpeechLike;
    readonly createUtterance: (text: string) => UtteranceLike;
  };
  /** Slower speech for elderly listeners. */
  readonly speechRate?: number;
}

export type VoiceOutcome = 'clip' | 'speech' | 'caption';

export interface Caption {
  readonly key: string;
  readonly lang: Language;
  readonly text: string;
  /** True when nothing is heard: the caption is the prompt and is shown prominently. */
  readonly highlighted: boolean;
}

export interface VoiceGuide {
  /** Says one key; resolves when it finished (or at once for a caption). */
  speak(key: string, lang: Language): Promise<VoiceOutcome>;
  /** Says several keys in a row (e.g. the digits of a tracking code). */
  speakSequence(keys: readonly string[], lang: Language): Promise<VoiceOutcome>;
  stop(): void;
  readonly caption: Caption | undefined;
  subscribe(listener: (caption: Caption | undefined) => void): () => void;
}

export function createVoiceGuide(options: VoiceGuideOptions): VoiceGuide {
  let caption: Caption | undefined;
  let audio: AudioLike | undefined;
  /** Bumped on every speak/stop, so a late 'ended' of an old clip changes nothing. */
  let generation = 0;
  const listeners = new Set<(caption: Caption | undefined) => void>();

  const setCaption = (next: Caption | undefined) => {
    caption = next;
    for (const listener of listeners) listener(next);
  };

  const stopSound = () => {
    audio?.pause();
    audio = undefined;
    options.speech?.synth.cancel();
  };

  const currentClipFile = (key: string, lang: Language, text: string): string | undefined => {
    const clip = findClip(options.manifest, key, lang);
    return clip !== undefined && clip.textHash === textHash(text) ? clip.file : undefined;
  };

  const playClip = (file: string, run: number): Promise<boolean> =>
    new Promise((resolve) => {
      const element = options.createAudio(options.clipUrl(file));
      audio = element;
      element.addEventListener('ended', () => resolve(true));
      element.addEventListener('error', () => resolve(false));
      element.play().catch(() => resolve(false)); // autoplay refused, file unreadable…
      void run;
    });

  const speakText = (text: string, lang: Language): Promise<boolean> => {
    const speech = options.speech;
    const voice = speech ? pickSpeechVoice(speech.synth.getVoices(), lang) : undefined;
    if (speech === undefined || voice === undefined) return Promise.resolve(false);
    return new Promise((resolve) => {
      const utterance = speech.createUtterance(text);
      utterance.lang = voice.lang;
      utterance.voice = voice;
      utterance.rate = options.speechRate ?? 0.9;
      utterance.onend = () => resolve(true);
      utterance.onerror = () => resolve(true); // it was started; the caption is up anyway
      speech.synth.speak(utterance);
    });
  };

  const sayAll = async (keys: readonly string[], lang: Language): Promise<VoiceOutcome> => {
    stopSound();
    const run = ++generation;
    const texts = keys.map((key) => options.textOf(key, lang));
    const text = texts.join(lang === 'zh-Hans' ? '' : ' ');
    const label = keys.join(' ');
    const files = keys.map((key, i) => currentClipFile(key, lang, texts[i] ?? ''));
    if (files.every((f): f is string => f !== undefined)) {
      setCaption({ key: label, lang, text, highlighted: false });
      let played = true;
      for (const file of files) {
        if (run !== generation) return 'clip';
        played = await playClip(file, run);
        if (!played) break;
      }
      if (played) return 'clip';
    }
    if (run !== generation) return 'caption';
    setCaption({ key: label, lang, text, highlighted: false });
    if (await speakText(text, lang)) return 'speech';
    if (run === generation) setCaption({ key: label, lang, text, highlighted: true });
    return 'caption';
  };

  return {
    speak: (key, lang) => sayAll([key], lang),
    speakSequence: (keys, lang) => sayAll(keys, lang),
    stop() {
      generation += 1;
      stopSound();
      setCaption(undefined);
    },
    get caption() {
      return caption;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
