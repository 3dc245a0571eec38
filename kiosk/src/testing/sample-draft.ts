/** A complete application draft as the flow produces it, for tests (a fictional person). */
import { asDeviceId, asStationId, makeSampleIdNumber } from '@pls/shared/domain';
import {
  applyReducer,
  INITIAL_APPLY_STATE,
  type ApplyAction,
  type ApplyState,
} from '../apply/apply-flow';
import type { Enrollment } from '../boot/enrollment';

export const SAMPLE_TODAY = new Date('2026-11-23T03:00:00Z');
export const SAMPLE_ID_NUMBER = makeSampleIdNumber('152502', '1961-04-12', 913);

export const SAMPLE_ENROLLMENT: Enrollment = {
  deviceId: asDeviceId('kiosk-8m2p'),
  deviceTag: '8M2P',
  stationId: asStationId('station-xilinhot-baiyinxile'),
  regionCode: '152502',
  serverUrl: 'http://127.0.0.1:8787',
  enrolledAt: '2026-11-01T00:00:00.000Z',
};

export const SAMPLE_ACTIONS: readonly ApplyAction[] = [
  {
    type: 'consentAccepted',
    consent: {
      textVersion: 'pipl-consent-v1',
      acceptedAt: SAMPLE_TODAY.toISOString(),
      language: 'mn-Mong',
    },
  },
  {
    type: 'identityFromCard',
    today: SAMPLE_TODAY,
    card: {
      name: '巴特尔',
      sex: 'male',
      nation: { code: '02' },
      birthDate: '1961-04-12',
      address: '内蒙古自治区锡林郭勒盟锡林浩特市白音锡勒牧场',
      idNumber: SAMPLE_ID_NUMBER,
    },
  },
  { type: 'phoneEntered', phone: '13904790000' },
  { type: 'categoryChosen', category: 'wage_arrears' },
  { type: 'hardshipToggled', basis: 'migrant_worker_wage_or_injury' },
  { type: 'hardshipConfirmed' },
  { type: 'descriptionEntered', text: '工地老板欠我四个月工资。' },
];

/** At the photo step (add photos, then `photosDone`). */
export function sampleDraftState(): ApplyState {
  return SAMPLE_ACTIONS.reduce(applyReducer, INITIAL_APPLY_STATE);
}

/** At the review step, ready to submit. */
export function sampleReviewState(): ApplyState {
  return applyReducer(sampleDraftState(), { type: 'photosDone' });
}
