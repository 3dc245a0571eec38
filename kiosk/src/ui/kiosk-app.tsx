/**
 * The running kiosk: one visit after another. Each visit is mounted under a new key, together
 * with the UI provider (font size) and with the interface language set back to the station's
 * default, so when a visit ends every piece of the last resident's state (React state, form,
 * keyboard buffers, the spoken caption) is gone, not just hidden.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { i18n } from 'i18next';
import { EMPTY_MANIFEST, createVoiceGuide, type VoiceGuide } from '@pls/shared/voice';
import { textOfKey } from '@pls/shared/i18n';
import { UiProvider } from '@pls/shared/ui';
import { RuntimeProvider, useDeviceSettings, type KioskRuntime } from './runtime';
import { Visit } from './visit';

function Visits({ i18n, voice }: { i18n: i18n; voice: VoiceGuide }) {
  const settings = useDeviceSettings();
  const [visit, setVisit] = useState(0);
  // The language the station starts visits in; at first the one the boot screens used.
  const defaultLanguage = useRef(i18n.language);
  const captionOnly = useMemo(
    () =>
      createVoiceGuide({
        manifest: EMPTY_MANIFEST,
        textOf: (key, lang) => textOfKey(i18n, key, lang),
        clipUrl: (file) => file,
        createAudio: () => {
          throw new Error('no audio in caption-only mode');
        },
      }),
    [i18n],
  );
  // The station's language once the center's config says which it is: at once if the resident
  // on screen has not picked a language, otherwise from the next visit on.
  useEffect(() => {
    document.documentElement.dataset.deviceConfig = settings.fromCenter ? 'center' : 'default';
    if (defaultLanguage.current === settings.defaultLanguage) return;
    const untouched = i18n.language === defaultLanguage.current;
    defaultLanguage.current = settings.defaultLanguage;
    if (untouched) void i18n.changeLanguage(settings.defaultLanguage);
  }, [i18n, settings.fromCenter, settings.defaultLanguage]);

  const onEnded = useCallback(() => {
    void i18n.changeLanguage(defaultLanguage.current);
    window.scrollTo(0, 0);
    setVisit((n) => n + 1);
  }, [i18n]);

  return (
    <UiProvider key={visit} i18n={i18n} voice={settings.voiceEnabled ? voice : captionOnly}>
      <Visit key={visit} onEnded={onEnded} />
    </UiProvider>
  );
}

export function KioskApp({
  runtime,
  i18n,
  voice,
}: {
  runtime: KioskRuntime;
  i18n: i18n;
  voice: VoiceGuide;
}) {
  return (
    <RuntimeProvider value={runtime}>
      <Visits i18n={i18n} voice={voice} />
    </RuntimeProvider>
  );
}
