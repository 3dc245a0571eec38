/**
 * Names staff mode shows for where a resident was: the screen a call for staff came from and
 * the step an interrupted application stopped at. The ids are stored (a call, a draft); the
 * names are strings in the interface language, never the ids themselves.
 */
import type { TranslationKey } from '@pls/shared/i18n';
import { APPLY_STEPS, type ApplyStep } from '../apply/apply-flow';
import type { Screen } from '../session/session-reducer';
import type { CallPlace } from '../session/staff-calls';

export const SCREEN_NAMES: Readonly<Record<Screen['kind'], TranslationKey>> = {
  home: 'common:nav.home',
  apply: 'kiosk:apply.frameTitle',
  track: 'kiosk:track.title',
  ask: 'services:ask.title',
  urgent: 'services:urgent.title',
  calculators: 'services:calculators.title',
  book: 'services:booking.title',
  templates: 'services:templates.title',
  staffPin: 'kiosk:staff.pin.title',
  staff: 'kiosk:staff.title',
  leave: 'kiosk:leave.title',
};

/** The review page's section names where there is one (short), else the step's title. */
export const STEP_NAMES: Readonly<Record<ApplyStep, TranslationKey>> = {
  consent: 'kiosk:consent.title',
  identity: 'kiosk:review.identity',
  phone: 'kiosk:review.phoneLabel',
  category: 'kiosk:review.categoryLabel',
  hardship: 'kiosk:review.hardshipLabel',
  description: 'kiosk:review.descriptionLabel',
  photos: 'kiosk:review.photosLabel',
  review: 'kiosk:review.title',
  done: 'kiosk:done.title',
};

export const PROBLEM_NAMES: Readonly<Record<NonNullable<CallPlace['problem']>, TranslationKey>> = {
  storageFull: 'kiosk:staff.calls.problem.storageFull',
};

function isApplyStep(step: string): step is ApplyStep {
  return (APPLY_STEPS as readonly string[]).includes(step);
}

/** The keys naming a call's place: the screen, then the step when it was in the application. */
export function callPlaceKeys(place: CallPlace): TranslationKey[] {
  const keys = [SCREEN_NAMES[place.screen]];
  if (place.step !== undefined) keys.push(STEP_NAMES[place.step]);
  if (place.problem !== undefined) keys.push(PROBLEM_NAMES[place.problem]);
  return keys;
}

/** A draft's step by name; a step this version does not know (a newer kiosk's) by the flow's. */
export function draftStepKey(step: string): TranslationKey {
  return isApplyStep(step) ? STEP_NAMES[step] : 'kiosk:apply.frameTitle';
}
