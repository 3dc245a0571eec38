/**
 * A keypad for codes written in the tracking-code alphabet (no 0/O, 1/I, U/V look-alikes):
 * tracking codes and enrollment codes. Only valid characters can be typed, so a resident
 * cannot make the mistakes the alphabet was designed to avoid. Keys are ≥ 60×60 px.
 */
import { TRACKING_ALPHABET } from '@pls/shared/domain';
import type { TranslationKey } from '@pls/shared/i18n';
import { Icon, Text, useT } from '@pls/shared/ui';

const CONTROL_LABELS = {
  backspace: 'common:keyboard.backspace',
  clear: 'common:keyboard.clear',
} as const satisfies Record<string, TranslationKey>;

/** The backspace and clear keys every kiosk keypad shares (icon over a small caption). */
export function ControlKey({
  name,
  onPress,
  className = '',
}: {
  name: 'backspace' | 'clear';
  onPress: () => void;
  className?: string;
}) {
  return (
    <button
      type="button"
      className={`pls-key pls-key--control ${className}`.trim()}
      data-key={name}
      onClick={onPress}
    >
      <Icon name={name} />
      <Text k={CONTROL_LABELS[name]} vertical={false} className="pls-key__small" />
    </button>
  );
}

export interface CodeKeypadProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly length: number;
  /** Shown grouped for reading: "K7QM-3HXP-9TD". */
  readonly format: (value: string) => string;
  readonly label: TranslationKey;
}

export function CodeKeypad({ value, onChange, length, format, label }: CodeKeypadProps) {
  const { t } = useT();
  const press = (char: string) => {
    if (value.length < length) onChange(value + char);
  };
  return (
    <div className="k-keypad" role="group" aria-label={t(label)}>
      <output className="k-keypad__value" aria-live="polite" data-testid="code-value">
        {value === '' ? '\u00a0' : format(value)}
      </output>
      <div className="k-keypad__keys">
        {[...TRACKING_ALPHABET].map((char) => (
          <button
            key={char}
            type="button"
            className="pls-key k-keypad__key"
            data-key={char}
            onClick={() => press(char)}
          >
            {char}
          </button>
        ))}
        <ControlKey
          name="backspace"
          className="k-keypad__key"
          onPress={() => onChange(value.slice(0, -1))}
        />
        <ControlKey name="clear" className="k-keypad__key" onPress={() => onChange('')} />
      </div>
    </div>
  );
}

export interface PinPadProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly maxLength: number;
  readonly label: TranslationKey;
  /** Last four of an ID number end in X. */
  readonly withX?: boolean;
  /** Show dots instead of the digits (a PIN). */
  readonly masked?: boolean;
}

/** Digits for a PIN or the last four of an ID number; a PIN is never shown on screen. */
export function PinPad({
  value,
  onChange,
  maxLength,
  label,
  withX = false,
  masked = false,
}: PinPadProps) {
  const { t } = useT();
  const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', withX ? 'X' : '', '0'];
  const press = (char: string) => {
    if (value.length < maxLength) onChange(value + char);
  };
  const shown = masked ? '●'.repeat(value.length) : value;
  return (
    <div className="k-keypad k-keypad--digits" role="group" aria-label={t(label)}>
      <output
        className="k-keypad__value"
        aria-live="polite"
        data-testid="pin-value"
        aria-label={masked ? t('kiosk:keypad.digitsTyped', { n: value.length }) : undefined}
      >
        {shown === '' ? '\u00a0' : shown}
      </output>
      <div className="k-keypad__pad">
        {keys.map((key, i) =>
          key === '' ? (
            <span key={i} className="pls-key pls-key--blank" aria-hidden="true" />
          ) : (
            <button
              key={key}
              type="button"
              className="pls-key pls-key--digit"
              data-key={key}
              onClick={() => press(key)}
            >
              {key}
            </button>
          ),
        )}
        <ControlKey name="backspace" onPress={() => onChange(value.slice(0, -1))} />
      </div>
    </div>
  );
}
