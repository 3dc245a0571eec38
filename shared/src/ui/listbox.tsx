/**
 * A listbox that works in vertical Mongolian, where the native <select> popup stays horizontal.
 * Options are large tiles: a column in Chinese, a row of vertical tiles in Mongolian. Arrow keys
 * move along the list in either direction (TV remotes), Home/End jump, Enter/Space choose.
 */
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useT } from './use-t';
import type { LocalizedText } from '../domain/localized-text';
import type { TranslationKey } from '../i18n/typed-keys';
import { Icon } from './icons';
import { Text } from './text';
import { useLanguage } from './ui-provider';

export interface ListboxOption<V extends string> {
  readonly value: V;
  readonly label: TranslationKey | LocalizedText;
  readonly description?: TranslationKey | LocalizedText;
}

interface Common<V extends string> {
  readonly label: TranslationKey;
  readonly options: readonly ListboxOption<V>[];
}

export type ListboxProps<V extends string> = Common<V> &
  (
    | {
        readonly multiple?: false;
        readonly value: V | undefined;
        readonly onChange: (value: V) => void;
      }
    | {
        readonly multiple: true;
        readonly value: readonly V[];
        readonly onChange: (value: V[]) => void;
      }
  );

/** Index after a navigation key; undefined when the key is not one of ours. */
export function listboxMove(key: string, index: number, count: number): number | undefined {
  if (count === 0) return undefined;
  switch (key) {
    case 'ArrowDown':
    case 'ArrowRight':
      return Math.min(count - 1, index + 1);
    case 'ArrowUp':
    case 'ArrowLeft':
      return Math.max(0, index - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}

function Label({ value }: { value: TranslationKey | LocalizedText }) {
  return typeof value === 'string' ? <Text k={value} /> : <Text text={value} />;
}

export function Listbox<V extends string>(props: ListboxProps<V>) {
  const { t } = useT();
  const { language } = useLanguage();
  const id = useId();
  const selected = (value: V) =>
    props.multiple ? props.value.includes(value) : props.value === value;
  const firstSelected = props.options.findIndex((o) => selected(o.value));
  const [active, setActive] = useState(Math.max(0, firstSelected));
  const refs = useRef<(HTMLDivElement | null)[]>([]);

  const choose = (value: V) => {
    if (props.multiple) {
      const next = props.value.includes(value)
        ? props.value.filter((v) => v !== value)
        : [...props.value, value];
      props.onChange(next);
    } else {
      props.onChange(value);
    }
  };

  const focus = (index: number) => {
    setActive(index);
    const element = refs.current[index];
    element?.focus();
    // TV remotes and vertical rows: keep the focused tile in view on both axes.
    element?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = listboxMove(event.key, active, props.options.length);
    if (next !== undefined) {
      event.preventDefault();
      focus(next);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const option = props.options[active];
      if (option) choose(option.value);
    }
  };

  return (
    <div className="pls-listbox-wrap">
      <Text k={props.label} id={`${id}-label`} className="pls-listbox__label" />
      <div
        role="listbox"
        aria-labelledby={`${id}-label`}
        aria-multiselectable={props.multiple ? true : undefined}
        aria-orientation={language === 'mn-Mong' ? 'horizontal' : 'vertical'}
        className="pls-listbox"
        onKeyDown={onKeyDown}
        title={t('common:listbox.placeholder')}
      >
        {props.options.map((option, index) => {
          const isSelected = selected(option.value);
          return (
            <div
              key={option.value}
              ref={(element) => {
                refs.current[index] = element;
              }}
              role="option"
              id={`${id}-${option.value}`}
              aria-selected={isSelected}
              tabIndex={index === active ? 0 : -1}
              className={`pls-option${isSelected ? ' pls-option--selected' : ''}`}
              onClick={() => {
                setActive(index);
                choose(option.value);
              }}
            >
              <span className="pls-option__mark" aria-hidden="true">
                {isSelected ? <Icon name="check" /> : null}
              </span>
              <Label value={option.label} />
              {option.description ? (
                <span className="pls-option__description">
                  <Label value={option.description} />
                </span>
              ) : null}
            </div>
          );
        })}
      </div>
    </div>
  );
}
