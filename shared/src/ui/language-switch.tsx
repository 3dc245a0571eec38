/**
 * The language switch: shows the other language's own name in its own script ("中文" /
 * "ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ"), so a person who cannot read the current one still finds it.
 */
import { useT } from './use-t';
import { LANGUAGES, type Language } from '../i18n/languages';
import { Icon } from './icons';
import { Text } from './text';
import { useLanguage } from './ui-provider';

export function LanguageSwitch({ onSwitched }: { onSwitched?: (language: Language) => void }) {
  const { t } = useT();
  const { language, setLanguage } = useLanguage();
  const other = LANGUAGES.find((l) => l !== language) ?? language;
  return (
    <button
      type="button"
      className="pls-button pls-button--secondary pls-language-switch"
      aria-label={`${t('common:language.switchTo')}: ${t('common:language.self', { lng: other })}`}
      onClick={() => {
        setLanguage(other);
        onSwitched?.(other);
      }}
    >
      <Icon name="language" />
      <Text k="common:language.self" lang={other} className="pls-button__label" />
    </button>
  );
}
