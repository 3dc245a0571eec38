/**
 * The browser implementations of the voice guide's audio and speech ports. Chromium in a kiosk
 * is started with --autoplay-policy=no-user-gesture-required (Electron: webPreferences
 * autoplayPolicy) so prompts can play before the first touch.
 */
import type { Language } from '../i18n/languages';
import type { VoiceManifest } from './manifest';
import {
  createVoiceGuide,
  type UtteranceLike,
  type VoiceGuide,
  type VoiceGuideOptions,
} from './voice-guide';

export interface BrowserVoiceOptions {
  readonly manifest: VoiceManifest;
  readonly textOf: (key: string, lang: Language) => string;
  /** URL of a clip (a path relative to assets/voice), e.g. under `app://assets/voice/`. */
  readonly clipUrl: (file: string) => string;
  /** Off in the browser gallery or when the device config disables voice. */
  readonly useSpeechSynthesis?: boolean;
}

export function createBrowserVoiceGuide(options: BrowserVoiceOptions): VoiceGuide {
  const synth = typeof window !== 'undefined' ? window.speechSynthesis : undefined;
  const useSpeech = options.useSpeechSynthesis ?? true;
  const guide: VoiceGuideOptions = {
    manifest: options.manifest,
    textOf: options.textOf,
    clipUrl: options.clipUrl,
    createAudio: (url) => new Audio(url),
    ...(useSpeech && synth !== undefined
      ? {
          speech: {
            synth: {
              getVoices: () => synth.getVoices(),
              // The port's utterance is a real SpeechSynthesisUtterance (see createUtterance).
              speak: (u) => synth.speak(u as unknown as SpeechSynthesisUtterance),
              cancel: () => synth.cancel(),
            },
            // Same fields; the DOM types its handlers with an event argument we do not read.
            createUtterance: (text) =>
              new SpeechSynthesisUtterance(text) as unknown as UtteranceLike,
          },
        }
      : {}),
  };
  return createVoiceGuide(guide);
}
