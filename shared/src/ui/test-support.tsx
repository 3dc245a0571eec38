/** Rendering helpers for the UI kit's component tests. */
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createI18n } from '../i18n/create-i18n';
import type { Language } from '../i18n/languages';
import type { VoiceGuide } from '../voice/voice-guide';
import { UiProvider } from './ui-provider';

export function renderUi(
  ui: ReactElement,
  options: { language?: Language; voice?: VoiceGuide } = {},
) {
  const i18n = createI18n(options.language ? { language: options.language } : {});
  const result = render(
    <UiProvider i18n={i18n} {...(options.voice ? { voice: options.voice } : {})}>
      {ui}
    </UiProvider>,
  );
  return { ...result, i18n };
}

/** A voice guide that records what it was asked to say. */
export function recordingVoice(): VoiceGuide & { said: string[] } {
  const said: string[] = [];
  return {
    said,
    speak: async (key) => {
      said.push(key);
      return 'caption';
    },
    speakSequence: async (keys) => {
      said.push(keys.join(' '));
      return 'caption';
    },
    stop: () => said.push('(stop)'),
    caption: undefined,
    subscribe: () => () => {},
  };
}
