/**
 * The kiosk renderer's entry: language and voice first (so even a start failure is said in
 * both languages), then the kiosk itself (boot/start-kiosk.ts), then the app or the setup screen.
 */
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createI18n, textOfKey } from '@pls/shared/i18n';
import { UiProvider } from '@pls/shared/ui';
import { createBrowserVoiceGuide, parseVoiceManifest } from '@pls/shared/voice';
import manifestJson from '../../assets/voice/manifest.json';
import { DEFAULT_SETTINGS } from './boot/device-settings';
import { loadRuntimeConfig } from './boot/runtime-config';
import { runKiosk, startKiosk, type Opened } from './boot/start-kiosk';
import type { EnrollError } from './boot/enrollment';
import type { RuntimeConfig } from './boot/runtime-config';
import { installKioskBridge } from './bridge/install-bridge';
import { KioskApp } from './ui/kiosk-app';
import type { KioskRuntime } from './ui/runtime';
import { FailedScreen, SetupScreen, StartingScreen } from './ui/start-screens';
import './kiosk.css';

const i18n = createI18n({ language: DEFAULT_SETTINGS.defaultLanguage });

const manifest = parseVoiceManifest(manifestJson);
if (!manifest.ok) throw new Error(`voice manifest: ${manifest.error.join('; ')}`);
// Vite copies each clip into the build and gives its URL (the kiosk is offline: nothing is fetched elsewhere).
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
});

const element = document.getElementById('root');
if (element === null) throw new Error('no #root in index.html');
const root = createRoot(element);

function Setup({
  opened,
  config,
  configProblem,
  problem,
}: {
  opened: Opened;
  config: RuntimeConfig | undefined;
  configProblem: string | undefined;
  problem: EnrollError | undefined;
}) {
  const [runtime, setRuntime] = useState<KioskRuntime | undefined>(undefined);
  if (runtime) return <KioskApp runtime={runtime} i18n={i18n} voice={voice} />;
  return (
    <UiProvider i18n={i18n} voice={voice}>
      <SetupScreen
        opened={opened}
        config={config}
        configProblem={configProblem}
        problem={problem}
        onEnrolled={(enrolled) => void runKiosk(opened, enrolled).then(setRuntime)}
      />
    </UiProvider>
  );
}

async function main(): Promise<void> {
  root.render(
    <UiProvider i18n={i18n} voice={voice}>
      <StartingScreen />
    </UiProvider>,
  );
  const config = await loadRuntimeConfig(window.location, window.fetch.bind(window));
  const outcome = await startKiosk(installKioskBridge, config.ok ? config.value : undefined);
  switch (outcome.kind) {
    case 'ready':
      root.render(
        <StrictMode>
          <KioskApp runtime={outcome.runtime} i18n={i18n} voice={voice} />
        </StrictMode>,
      );
      return;
    case 'setup':
      root.render(
        <StrictMode>
          <Setup
            opened={outcome.opened}
            config={config.ok ? config.value : undefined}
            configProblem={config.ok ? undefined : config.error}
            problem={outcome.problem}
          />
        </StrictMode>,
      );
      return;
    case 'failed':
      root.render(
        <UiProvider i18n={i18n} voice={voice}>
          <FailedScreen failure={outcome.failure} />
        </UiProvider>,
      );
  }
}

void main();
