/**
 * The TV renderer's entry: language first (the one chosen on this box, else Mongolian), then
 * the box's database and enrollment (boot/start-tv.ts), then the first-run setup or the app.
 */
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createI18n, isLanguage } from '@pls/shared/i18n';
import { BilingualText, UiProvider } from '@pls/shared/ui';
import { loadServerUrl } from './boot/runtime-config';
import { runTv, startTv, type TvRuntime } from './boot/start-tv';
import { createBrowserTvHost, type TvHost } from './boot/tv-host';
import type { LocalDatabase } from '@pls/shared/db';
import { SetupFlow } from './setup/setup-flow';
import { LANGUAGE_KEY, TvApp } from './ui/tv-app';
import './tv.css';

const host = createBrowserTvHost(window.localStorage);
const stored = host.settings.getItem(LANGUAGE_KEY);
const i18n = createI18n({ language: isLanguage(stored) ? stored : 'mn-Mong' });

const element = document.getElementById('root');
if (element === null) throw new Error('no #root in index.html');
const root = createRoot(element);

function Setup({
  db,
  tvHost,
  serverUrl,
}: {
  db: LocalDatabase;
  tvHost: TvHost;
  serverUrl: string | undefined;
}) {
  const [runtime, setRuntime] = useState<TvRuntime | undefined>(undefined);
  if (runtime) return <TvApp runtime={runtime} />;
  return (
    <SetupFlow
      db={db}
      host={tvHost}
      serverUrl={serverUrl}
      onEnrolled={(enrolled) => void runTv(db, tvHost, enrolled).then(setRuntime)}
    />
  );
}

function Message({ k }: { k: 'tv:start.starting' | 'tv:start.failed' }) {
  return (
    <div className="tv-safe tv-setup" data-screen-root>
      <BilingualText k={k} as="h1" className="tv-setup__title" />
    </div>
  );
}

async function main(): Promise<void> {
  root.render(
    <UiProvider i18n={i18n}>
      <Message k="tv:start.starting" />
    </UiProvider>,
  );
  const [outcome, server] = await Promise.all([
    startTv(host),
    loadServerUrl(window.location, window.fetch.bind(window)),
  ]);
  let view;
  switch (outcome.kind) {
    case 'ready':
      view = <TvApp runtime={outcome.runtime} />;
      break;
    case 'setup':
      view = (
        <Setup db={outcome.db} tvHost={host} serverUrl={server.ok ? server.value : undefined} />
      );
      break;
    case 'failed':
      console.error('TV start failed', outcome.failure);
      view = <Message k="tv:start.failed" />;
  }
  root.render(
    <StrictMode>
      <UiProvider i18n={i18n}>{view}</UiProvider>
    </StrictMode>,
  );
}

void main();
