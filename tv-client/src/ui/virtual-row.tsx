/**
 * A long row of tiles drawn as a window of a few around the focused one, so a row of 500
 * items costs a dozen buttons (spatial navigation measures only what is drawn). Left/Right
 * inside the row move the window; Up/Down leave the row through the app's geometry.
 */
import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { Text } from '@pls/shared/ui';
import type { TranslationKey } from '@pls/shared/i18n';
import { focusElement } from './focus';
import { useTvNav } from './remote';

export const ROW_WINDOW = 7;

/** First index drawn for a focused index: the focus sits second from the left when it can. */
export function windowStart(focused: number, total: number, size = ROW_WINDOW): number {
  return Math.max(0, Math.min(focused - 1, total - size));
}

export interface VirtualRowProps<T> {
  readonly rowKey: string;
  readonly title: ReactNode;
  readonly items: readonly T[];
  readonly itemKey: (item: T) => string;
  readonly renderItem: (item: T, index: number, focusKey: string) => ReactNode;
  /** The focus key remembered for this screen (to open the row where it was left). */
  readonly remembered?: string | undefined;
  readonly countLabel: TranslationKey;
}

export function VirtualRow<T>({
  rowKey,
  title,
  items,
  itemKey,
  renderItem,
  remembered,
  countLabel,
}: VirtualRowProps<T>) {
  const nav = useTvNav();
  const initial = Math.max(
    0,
    items.findIndex((item) => `${rowKey}:${itemKey(item)}` === remembered),
  );
  const [focused, setFocused] = useState(initial);
  const pending = useRef<number | undefined>(undefined);
  const listRef = useRef<HTMLDivElement>(null);
  const start = windowStart(focused, items.length);
  const shown = items.slice(start, start + ROW_WINDOW);

  useLayoutEffect(() => {
    if (pending.current === undefined) return;
    const el = listRef.current?.querySelector<HTMLElement>(`[data-index="${pending.current}"]`);
    pending.current = undefined;
    if (el) focusElement(el);
  });

  // A shorter list after a content update keeps the focus inside it.
  useEffect(() => {
    if (focused >= items.length && items.length > 0) setFocused(items.length - 1);
  }, [focused, items.length]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const command = nav.resolve(event.nativeEvent);
    if (command?.kind !== 'command' || (command.command !== 'left' && command.command !== 'right'))
      return;
    const target = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    const index = target ? Number(target.dataset['index']) : focused;
    const next = index + (command.command === 'right' ? 1 : -1);
    if (next < 0 || next >= items.length) return; // the app's geometry may leave the row
    event.preventDefault();
    pending.current = next;
    setFocused(next);
  };

  return (
    <section className="tv-row" aria-label={typeof title === 'string' ? title : undefined}>
      <div className="tv-row__head">
        {title}
        <Text
          k={countLabel}
          values={{ n: focused + 1, total: items.length }}
          className="tv-row__count"
        />
      </div>
      <div
        className="tv-row__items"
        ref={listRef}
        onKeyDown={onKeyDown}
        onFocus={(event) => {
          const index = (event.target as HTMLElement).closest<HTMLElement>('[data-index]')?.dataset[
            'index'
          ];
          if (index !== undefined && Number(index) !== focused) setFocused(Number(index));
        }}
      >
        {shown.map((item, i) => renderItem(item, start + i, `${rowKey}:${itemKey(item)}`))}
      </div>
    </section>
  );
}
