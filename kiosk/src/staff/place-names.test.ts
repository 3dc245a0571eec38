import { describe, expect, it } from 'vitest';
import { createI18n, LANGUAGES, textOfKey, type Language } from '@pls/shared/i18n';
import { APPLY_STEPS } from '../apply/apply-flow';
import { createStaffCallLog } from '../session/staff-calls';
import {
  callPlaceKeys,
  draftStepKey,
  PROBLEM_NAMES,
  SCREEN_NAMES,
  STEP_NAMES,
} from './place-names';

const i18n = createI18n();
const text = (key: string, lng: Language) => textOfKey(i18n, key, lng);

describe('names of places for staff', () => {
  it('names every screen and step in both languages, never by its id', () => {
    const keys = [
      ...Object.values(SCREEN_NAMES),
      ...Object.values(STEP_NAMES),
      ...Object.values(PROBLEM_NAMES),
    ];
    for (const lng of LANGUAGES) {
      for (const key of keys) {
        const name = text(key, lng);
        expect(name, key).not.toBe(key.split(':')[1]); // a missing string comes back as its key
        expect(name, key).not.toMatch(/[A-Za-z]/);
        if (lng === 'mn-Mong') expect(name, key).toMatch(/[\u1820-\u18AA]/u);
      }
    }
    expect(Object.keys(STEP_NAMES)).toEqual([...APPLY_STEPS]);
  });

  it('names a call by its screen and the step of the form it came from', () => {
    const log = createStaffCallLog();
    const call = log.raise({ screen: 'apply', step: 'review' }, new Date('2026-11-23T08:00:00Z'));
    expect(callPlaceKeys(call.place)).toEqual(['kiosk:apply.frameTitle', 'kiosk:review.title']);
    expect(callPlaceKeys({ screen: 'track' })).toEqual(['kiosk:track.title']);
    // A call the kiosk raised itself (a full disk at submission) says what staff must see to.
    expect(callPlaceKeys({ screen: 'apply', step: 'review', problem: 'storageFull' })).toEqual([
      'kiosk:apply.frameTitle',
      'kiosk:review.title',
      'kiosk:staff.calls.problem.storageFull',
    ]);
    expect(text('kiosk:staff.calls.from', 'zh-Hans')).toContain('{{screen}}');
  });

  it('names the step a draft stopped at, and a step it does not know by the form', () => {
    expect(draftStepKey('hardship')).toBe('kiosk:review.hardshipLabel');
    expect(draftStepKey('signature')).toBe('kiosk:apply.frameTitle');
  });
});
