/** A date (and time) in the interface language: Mongolian by hand, never Intl's Cyrillic. */
import { formatDate, formatDateTime } from '@pls/shared/i18n';
import { Text, useLanguage } from '@pls/shared/ui';

export function When({ at, dateOnly = false }: { at: string; dateOnly?: boolean }) {
  const { language } = useLanguage();
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return <>—</>;
  const text = dateOnly
    ? formatDate(date, language, { style: 'short' })
    : formatDateTime(date, language, { style: 'short' });
  return <Text vertical={false}>{text}</Text>;
}
