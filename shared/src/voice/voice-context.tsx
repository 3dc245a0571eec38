/**
 * React access to the voice guide: <VoiceProvider guide={…}> at the root, useVoice() to speak a
 * key in the current language, useCaption() for the caption of what is being said.
 */
import {
  createContext,
  useCallback,
  useContext,
  useMemo,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/create-i18n';
import type { TranslationKey } from '../i18n/typed-keys';
import type { Caption, VoiceGuide, VoiceOutcome } from './voice-guide';

const VoiceContext = createContext<VoiceGuide | undefined>(undefined);

export function VoiceProvider({ guide, children }: { guide: VoiceGuide; children: ReactNode }) {
  return <VoiceContext.Provider value={guide}>{children}</VoiceContext.Provider>;
}

export interface Voice {
  /** Says a key in the current language; without a provider it does nothing. */
  speak(key: TranslationKey): Promise<VoiceOutcome | undefined>;
  speakSequence(keys: readonly TranslationKey[]): Promise<VoiceOutcome | undefined>;
  stop(): void;
}

export function useVoice(): Voice {
  const guide = useContext(VoiceContext);
  const { i18n } = useTranslation();
  const speak = useCallback(
    async (key: TranslationKey) => guide?.speak(key, currentLanguage(i18n)),
    [guide, i18n],
  );
  const speakSequence = useCallback(
    async (keys: readonly TranslationKey[]) => guide?.speakSequence(keys, currentLanguage(i18n)),
    [guide, i18n],
  );
  const stop = useCallback(() => guide?.stop(), [guide]);
  return useMemo(() => ({ speak, speakSequence, stop }), [speak, speakSequence, stop]);
}

const noCaption = () => undefined;
const noSubscribe = () => () => {};

export function useCaption(): Caption | undefined {
  const guide = useContext(VoiceContext);
  return useSyncExternalStore(
    guide ? (listener) => guide.subscribe(listener) : noSubscribe,
    guide ? () => guide.caption : noCaption,
  );
}
