/**
 * A long text to read. Mongolian: vertical columns flowing left to right in a box of fixed
 * height that scrolls horizontally; the mouse wheel scrolls it sideways (mlreq). Chinese:
 * ordinary vertical scrolling. Big previous/next page buttons for touch, PageUp/PageDown and
 * arrows for keyboards and remotes.
 */
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useT } from './use-t';
import type { TranslationKey } from '../i18n/typed-keys';
import { BigButton } from './big-button';
import { useLanguage } from './ui-provider';

/** How far a wheel event moves a horizontal (Mongolian) reader: deltaY becomes scrollLeft. */
export function wheelToHorizontal(deltaX: number, deltaY: number): number | undefined {
  return Math.abs(deltaY) > Math.abs(deltaX) ? deltaY : undefined;
}

export interface ReadingViewProps {
  readonly label: TranslationKey;
  readonly children: ReactNode;
}

export function ReadingView({ label, children }: ReadingViewProps) {
  const { t } = useT();
  const { language } = useLanguage();
  const vertical = language === 'mn-Mong';
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = ref.current;
    if (element === null || !vertical) return;
    const onWheel = (event: WheelEvent) => {
      const delta = wheelToHorizontal(event.deltaX, event.deltaY);
      if (delta === undefined) return;
      element.scrollLeft += delta;
      event.preventDefault();
    };
    // passive: false, or preventDefault is ignored and the page scrolls too.
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [vertical]);

  const page = (direction: 1 | -1) => {
    const element = ref.current;
    if (element === null) return;
    const step = (vertical ? element.clientWidth : element.clientHeight) * 0.9;
    element.scrollBy(vertical ? { left: direction * step } : { top: direction * step });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const forward = ['PageDown', vertical ? 'ArrowRight' : 'ArrowDown'];
    const backward = ['PageUp', vertical ? 'ArrowLeft' : 'ArrowUp'];
    if (forward.includes(event.key)) page(1);
    else if (backward.includes(event.key)) page(-1);
    else return;
    event.preventDefault();
  };

  return (
    <section className={`pls-reading${vertical ? ' pls-reading--vertical' : ''}`}>
      <div
        ref={ref}
        className={`pls-reading__body${vertical ? ' pls-mong' : ''}`}
        role="region"
        aria-label={t(label)}
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        {children}
      </div>
      <div className="pls-reading__pager">
        <BigButton
          label="common:reading.previous"
          icon="left"
          variant="secondary"
          onPress={() => page(-1)}
        />
        <BigButton
          label="common:reading.next"
          icon="right"
          variant="secondary"
          onPress={() => page(1)}
        />
      </div>
    </section>
  );
}
