/** The frame of one staff-mode panel, and the date-time line the panels share. */
import type { ReactNode } from 'react';
import { formatDateTime, type TranslationKey } from '@pls/shared/i18n';
import { ScriptText, Text, useLanguage } from '@pls/shared/ui';

export function Panel({
  title,
  children,
  testId,
}: {
  title: TranslationKey;
  children: ReactNode;
  testId: string;
}) {
  return (
    <section className="k-panel" data-testid={testId} aria-labelledby={`${testId}-title`}>
      <Text as="h3" k={title} id={`${testId}-title`} className="k-panel__title" />
      {children}
    </section>
  );
}

export function When({ at }: { at: string }) {
  const { language } = useLanguage();
  return (
    <ScriptText
      text={formatDateTime(at, language)}
      language={language}
      vertical={false}
      className="k-when"
    />
  );
}
