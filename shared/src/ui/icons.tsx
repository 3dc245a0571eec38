/**
 * Line icons drawn for the kit (no icon font: a font would be one more file to ship and can
 * draw boxes when it fails). 24×24 grid, stroke follows the text colour, hidden from screen
 * readers: every icon stands next to a text label.
 */
import type { ReactNode } from 'react';

export const ICON_NAMES = [
  'home',
  'back',
  'staff',
  'language',
  'fontSize',
  'offline',
  'syncing',
  'synced',
  'syncError',
  'speaker',
  'backspace',
  'enter',
  'space',
  'shift',
  'clear',
  'check',
  'left',
  'right',
  'up',
  'down',
] as const;
export type IconName = (typeof ICON_NAMES)[number];

const PATHS: Readonly<Record<IconName, ReactNode>> = {
  home: <path d="M3 11 12 3l9 8M5 9.5V21h5v-6h4v6h5V9.5" />,
  back: <path d="M10 5 3 12l7 7M3 12h18" />,
  staff: (
    <>
      <circle cx="12" cy="7" r="4" />
      <path d="M4 21c0-4.4 3.6-8 8-8s8 3.6 8 8M17 4l3-2M19 8h3" />
    </>
  ),
  language: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M3 12h18M12 3c3 3.5 3 14.5 0 18M12 3c-3 3.5-3 14.5 0 18" />
    </>
  ),
  fontSize: <path d="M3 20 8 6l5 14M4.8 15h6.4M14 20l3.5-10 3.5 10M15 17h5" />,
  offline: (
    <path d="M2 8.5a15 15 0 0 1 20 0M5.5 12a10 10 0 0 1 13 0M9 15.5a5 5 0 0 1 6 0M12 19h.01M3 3l18 18" />
  ),
  syncing: <path d="M20 12a8 8 0 0 1-14 5.3M4 12a8 8 0 0 1 14-5.3M18 3v4h-4M6 21v-4h4" />,
  synced: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="m7.5 12.5 3 3 6-6.5" />
    </>
  ),
  syncError: (
    <>
      <path d="M12 3 2 20h20L12 3Z" />
      <path d="M12 10v4M12 17h.01" />
    </>
  ),
  speaker: <path d="M4 9h4l5-4v14l-5-4H4V9ZM16.5 8.5a5 5 0 0 1 0 7M19 6a8.5 8.5 0 0 1 0 12" />,
  backspace: <path d="M21 5H8l-6 7 6 7h13V5ZM11 9l6 6M17 9l-6 6" />,
  enter: <path d="M20 4v8H5M9 8l-4 4 4 4" />,
  space: <path d="M3 10v4h18v-4" />,
  shift: <path d="M12 3 3 12h5v8h8v-8h5L12 3Z" />,
  clear: <path d="M5 5l14 14M19 5 5 19" />,
  check: <path d="m4 12.5 5 5L20 6.5" />,
  left: <path d="M15 4 7 12l8 8" />,
  right: <path d="m9 4 8 8-8 8" />,
  up: <path d="m4 15 8-8 8 8" />,
  down: <path d="m4 9 8 8 8-8" />,
};

export function Icon({ name, size = '1.5em' }: { name: IconName; size?: string }) {
  return (
    <svg
      className="pls-icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[name]}
    </svg>
  );
}
