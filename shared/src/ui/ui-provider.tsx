/**
 * Root of every renderer: the i18next instance, the page language (`<html lang>`), the
 * font-size switch and the voice guide. Switching language changes `lang` and every string in
 * the same task, before the next paint.
 */
import type { i18n } from 'i18next';
import {
  createContext,
  useCallback,
  useContext,
  useLayoutEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/create-i18n';
import { FONT_SIZES, type FontSize } from '../i18n/key-families';
import { HTML_LANG, type Language } from '../i18n/languages';
import { VoiceProvider } from '../voice/voice-context';
import type { VoiceGuide } from '../voice/voice-guide';

export const FONT_SCALE: Readonly<Record<FontSize, number>> = {
  normal: 1,
  large: 1.25,
  extraLarge: 1.5,
};

interface Settings {
  readonly fontSize: FontSize;
  readonly setFontSize: (size: FontSize) => void;
}

const SettingsContext = createContext<Settings | undefined>(undefined);

export interface UiProviderProps {
  readonly i18n: i18n;
  readonly voice?: VoiceGuide;
  readonly initialFontSize?: FontSize;
  /** The element that carries `lang` and the font scale; the document root by default. */
  readonly root?: HTMLElement;
  readonly children: ReactNode;
}

export function UiProvider({
  i18n,
  voice,
  initialFontSize = 'normal',
  root,
  children,
}: UiProviderProps) {
  const [fontSize, setFontSize] = useState<FontSize>(initialFontSize);
  const settings = useMemo(() => ({ fontSize, setFontSize }), [fontSize]);
  const content = (
    <I18nextProvider i18n={i18n}>
      <SettingsContext.Provider value={settings}>
        <DocumentSync root={root} fontSize={fontSize} />
        {children}
      </SettingsContext.Provider>
    </I18nextProvider>
  );
  return voice ? <VoiceProvider guide={voice}>{content}</VoiceProvider> : content;
}

/** Keeps `<html lang>` and the font scale in step with the state (layout effect: before paint). */
function DocumentSync({ root, fontSize }: { root: HTMLElement | undefined; fontSize: FontSize }) {
  const { language } = useLanguage();
  useLayoutEffect(() => {
    const element = root ?? document.documentElement;
    element.lang = HTML_LANG[language];
    element.style.setProperty('--pls-user-scale', String(FONT_SCALE[fontSize]));
  }, [root, language, fontSize]);
  return null;
}

export function useLanguage(): { language: Language; setLanguage: (language: Language) => void } {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const setLanguage = useCallback(
    (next: Language) => {
      // Resources are bundled: the change completes synchronously (see create-i18n.ts).
      void i18n.changeLanguage(next);
    },
    [i18n],
  );
  return { language, setLanguage };
}

export function useFontSize(): Settings {
  const settings = useContext(SettingsContext);
  if (settings === undefined) throw new Error('useFontSize outside <UiProvider>');
  return settings;
}

export { FONT_SIZES };
