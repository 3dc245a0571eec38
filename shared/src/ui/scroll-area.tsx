/**
 * A region that scrolls and says so. Mongolian content (vertical columns) scrolls sideways,
 * Chinese content down. While there is more to see on either side, that edge fades and carries a
 * large "there is more" button that pages on: elderly residents do not guess that a touch screen
 * scrolls, and a page that scrolls sideways is unfamiliar even to readers of vertical Mongolian
 * (phones show it horizontally). The mouse wheel scrolls sideways in Mongolian (mlreq).
 *
 * The hints follow the scroll position and the content's size through events (scroll,
 * ResizeObserver); nothing polls.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { BigButton } from './big-button';
import { wheelToHorizontal } from './reading-view';
import { useLanguage } from './ui-provider';

/** x: sideways (Mongolian columns); y: down (Chinese lines). */
export type ScrollAxis = 'x' | 'y';

export interface ScrollExtent {
  /** scrollLeft or scrollTop. */
  readonly position: number;
  /** clientWidth or clientHeight. */
  readonly client: number;
  /** scrollWidth or scrollHeight. */
  readonly scroll: number;
}

export interface ScrollHints {
  /** Content hidden before the visible part (left, or above). */
  readonly before: boolean;
  /** Content hidden after it (right, or below). */
  readonly after: boolean;
}

/** Layout rounds to device pixels: a pixel or two of "overflow" is not content. */
const SLACK_PX = 2;

export function scrollHints({ position, client, scroll }: ScrollExtent): ScrollHints {
  return {
    before: position > SLACK_PX,
    after: position + client < scroll - SLACK_PX,
  };
}

/** Share of the visible size one tap on a hint scrolls: the last bit stays in view for context. */
export const PAGE_SHARE = 0.8;

export interface ScrollAreaProps {
  /** Defaults to the script's direction: sideways for Mongolian, down for Chinese. */
  readonly axis?: ScrollAxis;
  readonly className?: string;
  readonly testId?: string;
  readonly children: ReactNode;
}

function extentOf(element: HTMLElement, axis: ScrollAxis): ScrollExtent {
  return axis === 'x'
    ? { position: element.scrollLeft, client: element.clientWidth, scroll: element.scrollWidth }
    : { position: element.scrollTop, client: element.clientHeight, scroll: element.scrollHeight };
}

export function ScrollArea({ axis: axisProp, className, testId, children }: ScrollAreaProps) {
  const { language } = useLanguage();
  const axis = axisProp ?? (language === 'mn-Mong' ? 'x' : 'y');
  const viewport = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const [hints, setHints] = useState<ScrollHints>({ before: false, after: false });

  useEffect(() => {
    const element = viewport.current;
    if (element === null) return;
    const update = () => {
      const next = scrollHints(extentOf(element, axis));
      setHints((last) => (last.before === next.before && last.after === next.after ? last : next));
    };
    update();
    element.addEventListener('scroll', update, { passive: true });
    // The content grows (a step changes, a photo arrives) and the screen turns or zooms.
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(update);
    observer?.observe(element);
    if (content.current) observer?.observe(content.current);
    const onWheel = (event: WheelEvent) => {
      const delta = wheelToHorizontal(event.deltaX, event.deltaY);
      if (delta === undefined) return;
      element.scrollLeft += delta;
      event.preventDefault();
    };
    // passive: false, or preventDefault is ignored and an outer box scrolls as well.
    if (axis === 'x') element.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      element.removeEventListener('scroll', update);
      element.removeEventListener('wheel', onWheel);
      observer?.disconnect();
    };
  }, [axis]);

  const page = (direction: 1 | -1) => {
    const element = viewport.current;
    if (element === null) return;
    const { client } = extentOf(element, axis);
    const distance = direction * client * PAGE_SHARE;
    element.scrollBy(axis === 'x' ? { left: distance } : { top: distance });
  };

  return (
    <div
      className={['pls-scroll', `pls-scroll--${axis}`, className ?? ''].filter(Boolean).join(' ')}
      data-testid={testId}
      data-more-before={hints.before}
      data-more-after={hints.after}
    >
      {/* Focusable while it scrolls, so a keyboard can scroll it too (axe scrollable-region-focusable). */}
      <div
        ref={viewport}
        className="pls-scroll__viewport"
        tabIndex={hints.before || hints.after ? 0 : undefined}
      >
        <div ref={content} className="pls-scroll__content">
          {children}
        </div>
      </div>
      {hints.before ? (
        <div className="pls-scroll__hint pls-scroll__hint--before">
          <BigButton
            label="common:scroll.before"
            icon={axis === 'x' ? 'left' : 'up'}
            variant="secondary"
            className="pls-scroll__more"
            onPress={() => page(-1)}
          />
        </div>
      ) : null}
      {hints.after ? (
        <div className="pls-scroll__hint pls-scroll__hint--after">
          <BigButton
            label="common:scroll.after"
            icon={axis === 'x' ? 'right' : 'down'}
            variant="secondary"
            className="pls-scroll__more"
            onPress={() => page(1)}
          />
        </div>
      ) : null}
    </div>
  );
}
