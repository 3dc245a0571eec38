/**
 * Large pictograms for the case categories, so a person who reads little still finds theirs.
 * Drawn on the UI kit's 24×24 line grid; hidden from screen readers (the label says it).
 */
import type { ReactNode } from 'react';
import type { CaseCategory } from '@pls/shared/domain';

const PATHS: Readonly<Record<CaseCategory, ReactNode>> = {
  // A wallet with a coin: wages owed.
  wage_arrears: (
    <>
      <rect x="2.5" y="6" width="19" height="13" rx="2" />
      <path d="M2.5 10h19M16 14.5h2.5" />
      <circle cx="8" cy="4" r="2" />
    </>
  ),
  // A hard hat over a bandage cross: injury at work.
  work_injury: (
    <>
      <path d="M4 12a8 8 0 0 1 16 0H4ZM2.5 12h19" />
      <path d="M12 15v6M9 18h6" />
    </>
  ),
  // Two people and a child: marriage and family.
  marriage_family: (
    <>
      <circle cx="7" cy="6" r="2.5" />
      <circle cx="17" cy="6" r="2.5" />
      <circle cx="12" cy="13" r="1.8" />
      <path d="M3 20c0-4 2-7 4-7s3 1 3 3M21 20c0-4-2-7-4-7s-3 1-3 3M10 21c0-2 1-4 2-4s2 2 2 4" />
    </>
  ),
  // An elder with a walking stick: support of parents.
  elderly_support: (
    <>
      <circle cx="10" cy="4.5" r="2.2" />
      <path d="M10 7v7l-3 7M10 14l3 7M10 9.5l4 2.5M17 12v9" />
    </>
  ),
  // Grass and a fence: grassland and land contracts.
  grassland_land: (
    <>
      <path d="M2 20h20M4 20v-6M9 20v-6M14 20v-6M19 20v-6M4 15h15" />
      <path d="M6 11c0-3 1-5 2-6M10 11c0-3-1-5-2-6M15 10c1-2 2-4 4-5" />
    </>
  ),
  // A car: traffic accident.
  traffic_accident: (
    <>
      <path d="M3 16v-4l2-5h14l2 5v4H3ZM3 12h18" />
      <circle cx="7" cy="17.5" r="2" />
      <circle cx="17" cy="17.5" r="2" />
    </>
  ),
  // A shopping bag: consumer dispute.
  consumer: (
    <>
      <path d="M4 8h16l-1.5 13h-13L4 8Z" />
      <path d="M9 10V6a3 3 0 0 1 6 0v4" />
    </>
  ),
  // A shield: criminal defence.
  criminal_defence: (
    <>
      <path d="M12 2.5 4 5.5v6c0 5 3.5 8.5 8 10 4.5-1.5 8-5 8-10v-6l-8-3Z" />
      <path d="m8.5 12 2.5 2.5 4.5-5" />
    </>
  ),
  // A question mark in a speech bubble: something else.
  other: (
    <>
      <path d="M4 4h16v12H9l-5 4V4Z" />
      <path d="M10 8.5a2 2 0 1 1 2.5 2c-.5.2-.5.8-.5 1.3M12 14h.01" />
    </>
  ),
};

export function CategoryIcon({ category }: { category: CaseCategory }) {
  return (
    <svg
      className="k-category__icon"
      viewBox="0 0 24 24"
      width="3.2em"
      height="3.2em"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[category]}
    </svg>
  );
}
