/**
 * A labelled group of chips of which one is chosen (role, station, language, colleague): the
 * console's stand-in for <select>, which stays horizontal in Mongolian views.
 */
import type { ReactNode } from 'react';
import type { TranslationKey } from '@pls/shared/i18n';
import { Text, useT } from '@pls/shared/ui';

export function RadioChips<V extends string>({
  label,
  options,
  value,
  onChange,
  children,
}: {
  label: TranslationKey;
  options: readonly { value: V; content: ReactNode }[];
  value: V | undefined;
  onChange: (value: V) => void;
  /** After the chips: the group's field problem. */
  children?: ReactNode;
}) {
  const { t } = useT();
  return (
    <div className="console-filter-row" role="radiogroup" aria-label={t(label)}>
      <Text k={label} className="console-filter-label" />
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          role="radio"
          aria-checked={value === option.value}
          className="console-chip"
          onClick={() => onChange(option.value)}
        >
          {option.content}
        </button>
      ))}
      {children}
    </div>
  );
}
