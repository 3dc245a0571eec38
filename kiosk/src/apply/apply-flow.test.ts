import { describe, expect, it } from 'vitest';
import {
  asDeviceId,
  asDocumentId,
  asStationId,
  createTrackingCodeGenerator,
  deviceTagFor,
  makeSampleIdNumber,
  validateDocument,
  verifyLookup,
} from '@pls/shared/domain';
import {
  INITIAL_APPLY_STATE,
  MAX_DESCRIPTION_LENGTH,
  MAX_PHOTOS,
  applyReducer,
  backLeavesFlow,
  type ApplyAction,
  type ApplyState,
  type CardIdentity,
} from './apply-flow';
import { buildApplication } from './build-application';

const TODAY = new Date('2026-11-23T03:00:00Z');
const ID = makeSampleIdNumber('152502', '1961-04-12', 913);
const CARD: CardIdentity = {
  name: '巴特尔',
  sex: 'male',
  nation: { code: '02' },
  birthDate: '1961-04-12',
  address: '内蒙古自治区锡林郭勒盟锡林浩特市白音锡勒牧场',
  idNumber: ID,
};
const CONSENT = {
  textVersion: 'pipl-consent-v1',
  acceptedAt: TODAY.toISOString(),
  language: 'mn-Mong' as const,
};

function run(actions: ApplyAction[], from: ApplyState = INITIAL_APPLY_STATE): ApplyState {
  return actions.reduce(applyReducer, from);
}

const HAPPY_PATH: ApplyAction[] = [
  { type: 'consentAccepted', consent: CONSENT },
  { type: 'identityFromCard', card: CARD, today: TODAY },
  { type: 'phoneEntered', phone: '139 0479 0000' },
  { type: 'categoryChosen', category: 'wage_arrears' },
  { type: 'hardshipToggled', basis: 'migrant_worker_wage_or_injury' },
  { type: 'hardshipConfirmed' },
  { type: 'descriptionEntered', text: '  工地老板欠我四个月工资。 ' },
  { type: 'photosDone' },
];

describe('apply flow', () => {
  it('walks from consent to review with a card read, and submits', () => {
    const review = run(HAPPY_PATH);
    expect(review.step).toBe('review');
    expect(review.errors).toEqual([]);
    expect(review.draft.phone).toBe('13904790000');
    expect(review.draft.description).toBe('工地老板欠我四个月工资。');
    expect(review.draft.identity).toMatchObject({
      source: 'reader',
      nationCode: '02',
      idNumber: ID,
    });
    expect(applyReducer(review, { type: 'submitted' }).step).toBe('done');
  });

  it('asks for consent before anything else and leaves the flow on Back from the first steps', () => {
    expect(INITIAL_APPLY_STATE.step).toBe('consent');
    expect(
      applyReducer(INITIAL_APPLY_STATE, { type: 'identityFromCard', card: CARD, today: TODAY }),
    ).toBe(INITIAL_APPLY_STATE);
    const identity = run(HAPPY_PATH.slice(0, 1));
    expect(identity.step).toBe('identity');
    expect(backLeavesFlow(identity)).toBe(true);
  });

  it('keeps everything typed when going back and forward again', () => {
    const atDescription = run(HAPPY_PATH.slice(0, 6));
    expect(atDescription.step).toBe('description');
    const back3 = run([{ type: 'back' }, { type: 'back' }, { type: 'back' }], atDescription);
    expect(back3.step).toBe('phone');
    expect(back3.draft.phone).toBe('13904790000');
    expect(back3.draft.caseCategory).toBe('wage_arrears');
    expect(back3.draft.hardshipBases).toEqual(['migrant_worker_wage_or_injury']);
  });

  it('refuses an ID card whose number disagrees with its birth date', () => {
    const state = run([
      HAPPY_PATH[0]!,
      { type: 'identityFromCard', card: { ...CARD, birthDate: '1961-04-13' }, today: TODAY },
    ]);
    expect(state.step).toBe('identity');
    expect(state.errors).toEqual([
      {
        field: 'idNumber',
        error: { kind: 'birthDateMismatch', expected: '1961-04-13', actual: '1961-04-12' },
      },
    ]);
  });

  it('holds an OCR identity until staff confirm it, and refuses an OCR number with a bad check digit', () => {
    const bad = ID.slice(0, 17) + (ID.endsWith('1') ? '2' : '1');
    const refused = run([
      HAPPY_PATH[0]!,
      {
        type: 'identityFromOcr',
        name: '巴特尔',
        idNumber: bad,
        address: '白音锡勒',
        verified: false,
        today: TODAY,
      },
    ]);
    expect(refused.step).toBe('identity');
    expect(refused.errors[0]).toMatchObject({ field: 'idNumber', error: { kind: 'checkDigit' } });

    const read = run([
      HAPPY_PATH[0]!,
      {
        type: 'identityFromOcr',
        name: '巴特尔',
        idNumber: ID,
        address: '白音锡勒',
        verified: false,
        today: TODAY,
      },
    ]);
    expect(read.step).toBe('identity');
    expect(read.errors).toEqual([{ field: 'identity', error: { kind: 'needsStaffConfirmation' } }]);
    // Birth date and sex come from the valid number.
    expect(read.draft.identity).toMatchObject({ birthDate: '1961-04-12', sex: 'male' });
    const confirmed = applyReducer(read, { type: 'identityConfirmedByStaff', today: TODAY });
    expect(confirmed.step).toBe('phone');
  });

  it('accepts an OCR identity the service verified and the resident confirmed, without staff', () => {
    const verified = run([
      HAPPY_PATH[0]!,
      {
        type: 'identityFromOcr',
        name: '巴特尔',
        idNumber: ID,
        address: '',
        verified: true,
        today: TODAY,
      },
    ]);
    expect(verified.step).toBe('phone');
    expect(verified.draft.identity).toMatchObject({
      source: 'ocr',
      confirmedByStaff: false,
      ocrVerified: true,
      address: '',
    });
    // "Verified" never overrides the number's own check.
    const bad = ID.slice(0, 17) + (ID.endsWith('1') ? '2' : '1');
    const refused = run([
      HAPPY_PATH[0]!,
      {
        type: 'identityFromOcr',
        name: '巴特尔',
        idNumber: bad,
        address: '',
        verified: true,
        today: TODAY,
      },
    ]);
    expect(refused.step).toBe('identity');
    expect(refused.errors[0]).toMatchObject({ field: 'idNumber', error: { kind: 'checkDigit' } });
  });

  it('records staff corrections of an OCR reading as OCR confirmed by staff', () => {
    const state = run([
      HAPPY_PATH[0]!,
      {
        type: 'identityTyped',
        source: 'ocr',
        identity: { name: '巴特尔', sex: 'male', idNumber: ID, address: '白音锡勒牧场' },
        today: TODAY,
      },
    ]);
    expect(state.step).toBe('phone');
    expect(state.draft.identity).toMatchObject({ source: 'ocr', confirmedByStaff: true });
  });

  it('reads a foreign permanent residence card, which has no address', () => {
    const foreignId = makeSampleIdNumber('915826', '1979-12-30', 902);
    const state = run([
      HAPPY_PATH[0]!,
      {
        type: 'identityFromCard',
        card: { name: '安娜', sex: 'female', birthDate: '1979-12-30', idNumber: foreignId },
        today: TODAY,
      },
    ]);
    expect(state.step).toBe('phone');
    expect(state.draft.identity).toMatchObject({ source: 'reader', address: '' });
  });

  it('refuses a staff-typed identity with an invalid ID number and names every bad field', () => {
    const state = run([
      HAPPY_PATH[0]!,
      {
        type: 'identityTyped',
        identity: { name: '', sex: 'female', idNumber: '152502196104129999', address: '' },
        today: TODAY,
      },
    ]);
    expect(state.step).toBe('identity');
    expect(state.errors.map((e) => e.field).sort()).toEqual(['address', 'idNumber', 'name']);
    // The typed values are kept for correction.
    expect(state.draft.identity?.idNumber).toBe('152502196104129999');
  });

  it('keeps what is being typed when the resident goes back before confirming it', () => {
    const atPhone = run(HAPPY_PATH.slice(0, 2));
    const typing = applyReducer(atPhone, { type: 'fieldTyped', field: 'phone', value: '1390' });
    const back = applyReducer(typing, { type: 'back' });
    expect(back.step).toBe('identity');
    expect(back.draft.phone).toBe('1390');
    // Only on its own step, and never longer than the field can be.
    expect(applyReducer(back, { type: 'fieldTyped', field: 'phone', value: '1' })).toBe(back);
    expect(
      applyReducer(typing, { type: 'fieldTyped', field: 'phone', value: '1'.repeat(21) }),
    ).toBe(typing);
  });

  it('refuses an undiallable phone number and keeps what was typed', () => {
    const state = run([...HAPPY_PATH.slice(0, 2), { type: 'phoneEntered', phone: '12345' }]);
    expect(state.step).toBe('phone');
    expect(state.errors).toEqual([{ field: 'phone', error: { kind: 'format', digits: '12345' } }]);
    expect(state.draft.phone).toBe('12345');
  });

  it('treats "no exemption" (means test) and the exemptions as exclusive', () => {
    const atHardship = run(HAPPY_PATH.slice(0, 4));
    const both = run(
      [
        { type: 'hardshipToggled', basis: 'dibao' },
        { type: 'hardshipToggled', basis: 'special_group' },
      ],
      atHardship,
    );
    expect(both.draft.hardshipBases).toEqual(['dibao', 'special_group']);
    const meansTest = applyReducer(both, { type: 'hardshipToggled', basis: 'means_test' });
    expect(meansTest.draft.hardshipBases).toEqual(['means_test']);
    const exemption = applyReducer(meansTest, { type: 'hardshipToggled', basis: 'tekun' });
    expect(exemption.draft.hardshipBases).toEqual(['tekun']);
    const none = applyReducer(
      applyReducer(exemption, { type: 'hardshipToggled', basis: 'tekun' }),
      { type: 'hardshipConfirmed' },
    );
    expect(none.errors).toEqual([{ field: 'hardshipBases', error: { kind: 'missing' } }]);
  });

  it('lets the resident leave the description to staff without losing what was typed', () => {
    const atDescription = run(HAPPY_PATH.slice(0, 6));
    const empty = applyReducer(atDescription, { type: 'descriptionEntered', text: '   ' });
    expect(empty.errors).toEqual([{ field: 'description', error: { kind: 'missing' } }]);
    const tooLong = applyReducer(atDescription, {
      type: 'descriptionEntered',
      text: '字'.repeat(2001),
    });
    expect(tooLong.errors).toEqual([{ field: 'description', error: { kind: 'tooLong' } }]);
    const left = applyReducer(tooLong, { type: 'descriptionLeftToStaff' });
    expect(left.step).toBe('photos');
    expect(left.draft.descriptionByStaff).toBe(true);
    // Kept, but cut to what the schema stores, so the application can still be submitted.
    expect(left.draft.description).toHaveLength(MAX_DESCRIPTION_LENGTH);
    const typedSoFar = applyReducer(atDescription, {
      type: 'descriptionLeftToStaff',
      text: '老板欠了工资',
    });
    expect(typedSoFar.draft).toMatchObject({
      description: '老板欠了工资',
      descriptionByStaff: true,
    });
  });

  it('cleans text where it enters and never cuts a character in half', () => {
    const atDescription = run(HAPPY_PATH.slice(0, 6));
    // An astral character straddling the limit: a UTF-16 slice would leave a lone surrogate.
    const astral = 'a'.repeat(MAX_DESCRIPTION_LENGTH - 1) + '𠀀𠀀';
    const left = applyReducer(atDescription, { type: 'descriptionLeftToStaff', text: astral });
    expect(left.draft.description).toBe('a'.repeat(MAX_DESCRIPTION_LENGTH - 1) + '𠀀');
    expect([...left.draft.description].at(-1)).toBe('𠀀');
    // Keyboard text: controls and lone surrogates dropped, lines kept, NFC.
    const typed = applyReducer(atDescription, {
      type: 'fieldTyped',
      field: 'description',
      value: '老板\u0000欠薪\r\n三个月\ud800e\u0301',
    });
    expect(typed.draft.description).toBe('老板欠薪\n三个月é');
    const entered = applyReducer(atDescription, {
      type: 'descriptionEntered',
      text: ' 欠薪\u001b ',
    });
    expect(entered.draft.description).toBe('欠薪');
    // A card reader's text: no control characters reach the draft.
    const carded = applyReducer(run(HAPPY_PATH.slice(0, 1)), {
      type: 'identityFromCard',
      card: { ...CARD, name: `${CARD.name}\u0000`, address: ' 锡林浩特市\u0007 ' },
      today: TODAY,
    });
    expect(carded.draft.identity).toMatchObject({ name: CARD.name, address: '锡林浩特市' });
  });

  it('limits photos and ignores the same photo twice', () => {
    let state = run(HAPPY_PATH.slice(0, 7));
    expect(state.step).toBe('photos');
    for (let i = 0; i < MAX_PHOTOS; i++) {
      const photo = {
        id: `p${i}`,
        mimeType: 'image/jpeg' as const,
        bytes: 1000,
        sha256: String(i).repeat(64).slice(0, 64),
        capturedAt: TODAY.toISOString(),
      };
      state = applyReducer(state, { type: 'photoAdded', photo });
      state = applyReducer(state, { type: 'photoAdded', photo });
    }
    expect(state.draft.photos).toHaveLength(MAX_PHOTOS);
    const extra = applyReducer(state, {
      type: 'photoAdded',
      photo: {
        id: 'extra',
        mimeType: 'image/png',
        bytes: 1,
        sha256: 'f'.repeat(64),
        capturedAt: TODAY.toISOString(),
      },
    });
    expect(extra.errors).toEqual([{ field: 'photos', error: { kind: 'tooMany' } }]);
    expect(applyReducer(state, { type: 'photoRemoved', id: 'p0' }).draft.photos).toHaveLength(
      MAX_PHOTOS - 1,
    );
  });

  it('jumps from review to a completed step and returns to review after fixing it', () => {
    const review = run(HAPPY_PATH);
    const editing = applyReducer(review, { type: 'goTo', step: 'phone' });
    expect(editing.step).toBe('phone');
    const fixed = applyReducer(editing, { type: 'phoneEntered', phone: '13847900000' });
    expect(fixed.step).toBe('review');
    expect(fixed.draft.phone).toBe('13847900000');
    // Cannot jump ahead of where the resident has been.
    const early = run(HAPPY_PATH.slice(0, 3));
    expect(applyReducer(early, { type: 'goTo', step: 'review' })).toBe(early);
  });

  it('builds a valid application document whose lookup verifier matches code + last 4', async () => {
    const review = run(HAPPY_PATH);
    const { code } = createTrackingCodeGenerator(deviceTagFor(1)).next(TODAY);
    const result = await buildApplication(review.draft, {
      id: asDocumentId('01J0000000000000000000000A'),
      deviceId: asDeviceId('kiosk-xilinhot-01'),
      stationId: asStationId('station-xilinhot-baiyinxile'),
      trackingCode: code,
      language: 'mn-Mong',
      now: TODAY,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(validateDocument('applications', result.value).ok).toBe(true);
    expect(result.value.applicant).toMatchObject({
      name: '巴特尔',
      phone: '13904790000',
      idNumber: ID,
    });
    expect(result.value.consent.textVersion).toBe('pipl-consent-v1');
    expect(await verifyLookup(code, ID.slice(-4), result.value.lookupVerifier)).toBe(true);
    expect(await verifyLookup(code, '0000', result.value.lookupVerifier)).toBe(false);
  });

  it('refuses to build an application from an incomplete draft', async () => {
    const partial = run(HAPPY_PATH.slice(0, 3));
    const result = await buildApplication(partial.draft, {
      id: asDocumentId('x'),
      deviceId: asDeviceId('kiosk-xilinhot-01'),
      stationId: asStationId('station-xilinhot-baiyinxile'),
      trackingCode: createTrackingCodeGenerator(deviceTagFor(1)).next(TODAY).code,
      language: 'zh-Hans',
      now: TODAY,
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.kind).toBe('incomplete');
  });
});
