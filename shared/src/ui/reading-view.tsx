/**
 * A long text to read. Mongolian: vertical columns flowing left to right in a box of fixed
 * height that scrolls horizontally; the mouse wheel scrolls it sideways (mlreq). Chinese:
 * ordinary vertical scrolling. Big previous/next page buttons for touch, PageUp/PageDown and
 * arrows for keyboards and remotes — only when the text is longer than its box, with the page
 * shown ("2 / 3") and a bar of how much has been read. `onReadToEnd` tells when the end of the
 * text has been on screen (a consent may be given only then, PIPL 第十四条 / 第十七条).
 */
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useT } from './use-t';
import type { TranslationKey } from '../i18n/typed-keys';
import { BigButton } from './big-button';
import { Text } from './text';
import { useLanguage } from './ui-provider';

/** How far a wheel event moves a horizontal (Mongolian) reader: deltaY becomes scrollLeft. */
export function wheelToHorizontal(deltaX: number, deltaY: number): number | undefined {
  return Math.abs(deltaY) > Math.abs(deltaX) ? deltaY : undefined;
}

/** Where a reader is in a text: its page, the number of pages, and whether the end is shown. */
export interface ReadingProgress {
  readonly page: number;
  readonly pages: number;
  readonly atStart: boolean;
  readonly atEnd: boolean;
}

/** Layout rounds to device pixels: a pixel or two of overflow is not more text. */
const SLACK_PX = 2;

export function readingProgress(position: number, client: number, scroll: number): ReadingProgress {
  // Not laid out (hidden, or not yet measured): nothing has been seen.
  if (client <= 0) return { page: 1, pages: 1, atStart: true, atEnd: false };
  if (scroll <= client + SLACK_PX) return { page: 1, pages: 1, atStart: true, atEnd: true };
  const atEnd = position + client >= scroll - SLACK_PX;
  const pages = Math.ceil((scroll - SLACK_PX) / client);
  const page = atEnd ? pages : Math.min(pages, Math.floor((position + SLACK_PX) / client) + 1);
  return { page, pages, atStart: position <= SLACK_PX, atEnd };
}

export interface ReadingViewProps {
  readonly label: TranslationKey;
  readonly children: ReactNode;
  /** Called once, when the end of the text has been on screen. */
  readonly onReadToEnd?: () => void;
}

export function ReadingView({ label, children, onReadToEnd }: ReadingViewProps) {
  const { t } = useT();
  const { language } = useLanguage();
  const vertical = language === 'mn-Mong';
  const ref = useRef<HTMLDivElement>(null);
  const [progress, setProgress] = useState<ReadingProgress>({
    page: 1,
    pages: 1,
    atStart: true,
    atEnd: false,
  });
  const endSeen = useRef(false);
  const onEnd = useRef(onReadToEnd);
  useEffect(() => {
    onEnd.current = onReadToEnd;
  });

  // The position follows scrolling, and the size the font size, the screen and the language.
  useEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const update = () => {
      const next = vertical
        ? readingProgress(element.scrollLeft, element.clientWidth, element.scrollWidth)
        : readingProgress(element.scrollTop, element.clientHeight, element.scrollHeight);
      setProgress((last) =>
        last.page === next.page &&
        last.pages === next.pages &&
        last.atEnd === next.atEnd &&
        last.atStart === next.atStart
          ? last
          : next,
      );
      if (next.atEnd && !endSeen.current) {
        endSeen.current = true;
        onEnd.current?.();
      }
    };
    update();
    element.addEventListener('scroll', update, { passive: true });
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(update);
    observer?.observe(element);
    for (const child of element.children) observer?.observe(child);
    return () => {
      element.removeEventListener('scroll', update);
      observer?.disconnect();
    };
  }, [vertical]);

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
      {/*
        Always laid out, shown only when the text is longer than its box: a pager that came and
        went would resize the box it measures. Hidden, it is neither seen nor reachable.
      */}
      {
        <div
          className="pls-reading__pager"
          style={progress.pages > 1 ? undefined : { visibility: 'hidden' }}
          aria-hidden={progress.pages > 1 ? undefined : true}
        >
          <BigButton
            label="common:reading.previous"
            icon={vertical ? 'left' : 'up'}
            variant="secondary"
            className="pls-reading__previous"
            disabled={progress.atStart || progress.pages <= 1}
            onPress={() => page(-1)}
          />
          <div
            className="pls-reading__position"
            data-page={progress.page}
            data-pages={progress.pages}
          >
            <Text
              k="common:reading.position"
              values={{ n: progress.page, total: progress.pages }}
            />
            <div
              className="pls-reading__bar"
              role="progressbar"
              aria-label={t('common:reading.progress')}
              aria-valuemin={1}
              aria-valuemax={progress.pages}
              aria-valuenow={progress.page}
            >
              <div style={{ width: `${(100 * progress.page) / progress.pages}%` }} />
            </div>
          </div>
          <BigButton
            label="common:reading.next"
            icon={vertical ? 'right' : 'down'}
            variant="secondary"
            className="pls-reading__next"
            disabled={progress.atEnd || progress.pages <= 1}
            onPress={() => page(1)}
          />
        </div>
      }
    </section>
  );
}
