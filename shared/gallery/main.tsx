import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createI18n, textOfKey } from '../src/i18n/create-i18n';
import { DEFAULT_LANGUAGE, parseLanguageTag } from '../src/i18n/languages';
import '../src/ui/index';
import { UiProvider } from '../src/ui/ui-provider';
import { parseVoiceManifest } from '../src/voice/manifest';
import { createBrowserVoiceGuide } from '../src/voice/browser';
import manifestJson from '../../assets/voice/manifest.json';
import { Gallery } from './gallery';
import './gallery.css';

const params = new URLSearchParams(window.location.search);
const language = parseLanguageTag(params.get('lang') ?? '') ?? DEFAULT_LANGUAGE;
const i18n = createI18n({ language });

const manifest = parseVoiceManifest(manifestJson);
if (!manifest.ok) throw new Error(`voice manifest: ${manifest.error.join('; ')}`);
// Vite copies each clip and gives its URL; the apps serve assets/voice the same way.
const clipUrls = import.meta.glob<string>('../../assets/voice/**/*.ogg', {
  query: '?url',
  import: 'default',
  eager: true,
});
const voice = createBrowserVoiceGuide({
  manifest: manifest.value,
  textOf: (key, lang) => textOfKey(i18n, key, lang),
  clipUrl: (file) => {
    const url = clipUrls[`../../assets/voice/${file}`];
    if (url === undefined) throw new Error(`clip not bundled: ${file}`);
    return url;
  },
  useSpeechSynthesis: params.get('speech') !== 'off',
});

const root = document.getElementById('root');
if (root === null) throw new Error('no #root');
createRoot(root).render(
  <StrictMode>
    <UiProvider i18n={i18n} voice={voice}>
      <Gallery idleSeconds={Number(params.get('idle') ?? '600')} />
    </UiProvider>
  </StrictMode>,
);
