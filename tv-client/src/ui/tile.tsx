/** A focusable tile or button: OK (Enter or a mapped code) activates it through click. */
import type { ReactNode } from 'react';

export function Tile({
  focusKey,
  onOk,
  children,
  className,
  label,
  index,
  pressed,
}: {
  readonly focusKey: string;
  readonly onOk?: () => void;
  readonly children: ReactNode;
  readonly className?: string;
  /** An accessible name when the visible text is not enough (icons, digits). */
  readonly label?: string;
  readonly index?: number;
  readonly pressed?: boolean;
}) {
  return (
    <button
      type="button"
      className={`tv-tile${className ? ` ${className}` : ''}`}
      data-focus-key={focusKey}
      data-index={index}
      aria-label={label}
      aria-pressed={pressed}
      onClick={onOk}
    >
      {children}
    </button>
  );
}
