/**
 * A large touch target (≥ 60×60 px, 80 px on the kiosk through --pls-target) with an icon and a
 * text label. In Mongolian the label is a vertical column under the icon.
 */
import type { ReactNode } from 'react';
import type { TranslationKey } from '../i18n/typed-keys';
import { useVoice } from '../voice/voice-context';
import { Icon, type IconName } from './icons';
import { Text } from './text';

export type ButtonVariant = 'primary' | 'secondary' | 'alert' | 'quiet';

export interface BigButtonProps {
  readonly label: TranslationKey;
  readonly labelValues?: Record<string, unknown>;
  readonly icon?: IconName;
  readonly variant?: ButtonVariant;
  readonly onPress: () => void;
  readonly disabled?: boolean;
  /** Toggle buttons (font size, language) say whether they are on. */
  readonly pressed?: boolean;
  /** Read the label aloud when the button gets focus (TV remote, screen-reader users). */
  readonly speakOnFocus?: boolean;
  /** Extra content under the label (a count, a badge). */
  readonly children?: ReactNode;
  readonly className?: string;
}

export function BigButton({
  label,
  labelValues,
  icon,
  variant = 'primary',
  onPress,
  disabled = false,
  pressed,
  speakOnFocus = false,
  children,
  className,
}: BigButtonProps) {
  const voice = useVoice();
  return (
    <button
      type="button"
      className={['pls-button', `pls-button--${variant}`, className ?? '']
        .filter(Boolean)
        .join(' ')}
      onClick={onPress}
      disabled={disabled}
      aria-pressed={pressed}
      onFocus={speakOnFocus ? () => void voice.speak(label) : undefined}
    >
      {icon ? <Icon name={icon} /> : null}
      <Text
        k={label}
        {...(labelValues ? { values: labelValues } : {})}
        className="pls-button__label"
      />
      {children}
    </button>
  );
}
