import { describe, expect, it } from 'vitest';
import { makeSampleIdNumber } from '@pls/shared/domain';
import { applyReducer, INITIAL_APPLY_STATE, type ApplyAction } from './apply-flow';
import { decodeDraft, encodeDraft } from './draft-codec';

const TODAY = new Date('2026-11-23T03:00:00Z');
const ID = makeSampleIdNumber('152502', '1961-04-12', 913);
const ACTIONS: ApplyAction[] = [
  {
    type: 'consentAccepted',
    consent: {
      textVersion: 'pipl-consent-v1',
      acceptedAt: TODAY.toISOString(),
      language: 'zh-Hans',
    },
  },
  {
    type: 'identityFromCard',
    today: TODAY,
    card: {
      name: '巴特尔',
      sex: 'male',
      nation: { code: '02' },
      birthDate: '1961-04-12',
      address: '白音锡勒',
      idNumber: ID,
    },
  },
  { type: 'phoneEntered', phone: '13904790000' },
  { type: 'categoryChosen', category: 'grassland_land' },
];

describe('draft codec', () => {
  it('brings a stored draft back to the step and the data it had', () => {
    const state = ACTIONS.reduce(applyReducer, INITIAL_APPLY_STATE);
    const restored = decodeDraft(JSON.parse(JSON.stringify(encodeDraft(state))));
    expect(restored).toEqual(state);
  });

  it('sends a draft that had photos back to the photo step (their bytes were in memory only)', () => {
    const more: ApplyAction[] = [
      { type: 'hardshipToggled', basis: 'means_test' },
      { type: 'hardshipConfirmed' },
      { type: 'descriptionLeftToStaff' },
    ];
    let state = [...ACTIONS, ...more].reduce(applyReducer, INITIAL_APPLY_STATE);
    state = applyReducer(state, {
      type: 'photoAdded',
      photo: {
        id: 'p1',
        mimeType: 'image/jpeg',
        bytes: 10,
        sha256: 'a'.repeat(64),
        capturedAt: TODAY.toISOString(),
      },
    });
    state = applyReducer(state, { type: 'photosDone' });
    expect(state.step).toBe('review');
    const data = encodeDraft(state);
    expect(JSON.stringify(data)).not.toContain('p1');
    const restored = decodeDraft(data);
    expect(restored?.step).toBe('photos');
    expect(restored?.draft.photos).toEqual([]);
    expect(restored?.reached).toBe('review');
  });

  it('refuses data it did not write', () => {
    const good = encodeDraft(ACTIONS.reduce(applyReducer, INITIAL_APPLY_STATE));
    const draft = good['draft'] as Record<string, unknown>;
    expect(decodeDraft({})).toBeUndefined();
    expect(decodeDraft({ ...good, format: 2 })).toBeUndefined();
    expect(decodeDraft({ ...good, step: 'nowhere' })).toBeUndefined();
    expect(decodeDraft({ ...good, draft: { ...draft, hardshipBases: ['bribe'] } })).toBeUndefined();
    expect(decodeDraft({ ...good, draft: { ...draft, identity: { name: 'x' } } })).toBeUndefined();
    // No consent, yet past the consent step: not a state the flow can be in.
    const { consent: _c, ...withoutConsent } = draft;
    expect(decodeDraft({ ...good, draft: withoutConsent })).toBeUndefined();
  });
});
