/**
 * The legal-aid application as a pure state machine: which step the resident is on, what they
 * entered, and what is wrong with it. Screens render this state and dispatch actions; nothing
 * here touches the DOM, the database or a device, so every rule is tested directly.
 *
 * Consent comes first, before the ID card is read: reading the card is already processing
 * personal information (PIPL 第十三/十四条), and the draft kept for power-cut recovery is stored.
 * Going back never loses what was typed; only `reset` clears the draft.
 */
import {
  CASE_CATEGORIES,
  HARDSHIP_BASES,
  parseIdNumber,
  parsePhone,
  type CaseCategory,
  type HardshipBasis,
  type IdNumberError,
  type IdentitySource,
  type Language,
  type PhoneError,
  cleanInputText,
  codePointLength,
  cutToLength,
} from '@pls/shared/domain';

export const APPLY_STEPS = [
  'consent',
  'identity',
  'phone',
  'category',
  'hardship',
  'description',
  'photos',
  'review',
  'done',
] as const;
export type ApplyStep = (typeof APPLY_STEPS)[number];

export const MAX_DESCRIPTION_LENGTH = 2000;

/** A description as typed: clean (issue 11), its lines kept, cut whole within the schema's length. */
function cleanDescription(text: string): string {
  return cutToLength(cleanInputText(text, { multiline: true }), MAX_DESCRIPTION_LENGTH);
}
export const MAX_PHOTOS = 6;

export interface IdentityDraft {
  readonly source: IdentitySource;
  readonly name: string;
  readonly sex: 'male' | 'female' | 'unknown';
  readonly nationCode?: string;
  readonly birthDate: string;
  readonly idNumber: string;
  readonly address: string;
  /** OCR and hand-typed identities must be confirmed by staff before submission… */
  readonly confirmedByStaff: boolean;
  /**
   * …unless OCR read a number whose check digit validates, read the name, found nothing that
   * contradicts them (the OCR service flags that), and the resident confirmed both on screen.
   */
  readonly ocrVerified?: boolean;
}

export interface PhotoDraft {
  readonly id: string;
  readonly mimeType: 'image/jpeg' | 'image/png' | 'image/webp';
  readonly bytes: number;
  readonly sha256: string;
  readonly capturedAt: string;
}

export interface ConsentRecord {
  readonly textVersion: string;
  readonly acceptedAt: string;
  readonly language: Language;
}

export interface ApplyDraft {
  readonly consent?: ConsentRecord;
  readonly identity?: IdentityDraft;
  readonly phone: string;
  readonly caseCategory?: CaseCategory;
  readonly hardshipBases: readonly HardshipBasis[];
  readonly description: string;
  readonly descriptionByStaff: boolean;
  readonly photos: readonly PhotoDraft[];
}

export type FieldError =
  | { readonly field: 'idNumber'; readonly error: IdNumberError }
  | {
      readonly field: 'name' | 'address' | 'birthDate' | 'sex';
      readonly error: { readonly kind: 'empty' | 'tooLong' | 'format' };
    }
  | { readonly field: 'phone'; readonly error: PhoneError }
  | {
      readonly field: 'identity';
      readonly error: { readonly kind: 'missing' | 'needsStaffConfirmation' };
    }
  | { readonly field: 'caseCategory'; readonly error: { readonly kind: 'missing' } }
  | { readonly field: 'hardshipBases'; readonly error: { readonly kind: 'missing' } }
  | { readonly field: 'description'; readonly error: { readonly kind: 'missing' | 'tooLong' } }
  | { readonly field: 'photos'; readonly error: { readonly kind: 'tooMany' } }
  | { readonly field: 'consent'; readonly error: { readonly kind: 'missing' } };

export interface ApplyState {
  readonly step: ApplyStep;
  readonly draft: ApplyDraft;
  /** Problems with the last attempt to leave the current step; cleared on success. */
  readonly errors: readonly FieldError[];
  /** Furthest step reached, so the review page can jump back to any completed step. */
  readonly reached: ApplyStep;
}

/** An identity as the card reader decoded it (a subset of IdCardData). */
export interface CardIdentity {
  readonly name: string;
  readonly sex: 'male' | 'female' | 'unknown';
  readonly nation?: { readonly code: string };
  readonly birthDate: string;
  readonly address?: string;
  readonly idNumber: string;
}

export interface TypedIdentity {
  readonly name: string;
  readonly sex: 'male' | 'female' | 'unknown';
  readonly nationCode?: string;
  readonly idNumber: string;
  readonly address: string;
}

export type ApplyAction =
  | { readonly type: 'consentAccepted'; readonly consent: ConsentRecord }
  | { readonly type: 'identityFromCard'; readonly card: CardIdentity; readonly today: Date }
  | {
      readonly type: 'identityFromOcr';
      readonly name: string;
      readonly idNumber: string;
      readonly address: string;
      /** The OCR service accepted the number and nothing contradicts it (see IdentityDraft). */
      readonly verified: boolean;
      readonly today: Date;
    }
  | {
      readonly type: 'identityTyped';
      readonly identity: TypedIdentity;
      readonly today: Date;
      /** 'ocr' when staff corrected what OCR read; typed from nothing otherwise. */
      readonly source?: 'manual_staff' | 'ocr';
    }
  | { readonly type: 'identityConfirmedByStaff'; readonly today: Date }
  | { readonly type: 'phoneEntered'; readonly phone: string }
  /** Keystrokes on the phone or description step: kept (not checked) so Back loses nothing. */
  | { readonly type: 'fieldTyped'; readonly field: 'phone' | 'description'; readonly value: string }
  | { readonly type: 'categoryChosen'; readonly category: CaseCategory }
  | { readonly type: 'hardshipToggled'; readonly basis: HardshipBasis }
  | { readonly type: 'hardshipConfirmed' }
  | { readonly type: 'descriptionEntered'; readonly text: string }
  /** `text`: what the resident had typed so far, kept for staff to complete. */
  | { readonly type: 'descriptionLeftToStaff'; readonly text?: string }
  | { readonly type: 'photoAdded'; readonly photo: PhotoDraft }
  | { readonly type: 'photoRemoved'; readonly id: string }
  | { readonly type: 'photosDone' }
  | { readonly type: 'submitted' }
  | { readonly type: 'back' }
  | { readonly type: 'goTo'; readonly step: ApplyStep }
  | { readonly type: 'restored'; readonly state: ApplyState };

export const EMPTY_DRAFT: ApplyDraft = {
  phone: '',
  hardshipBases: [],
  description: '',
  descriptionByStaff: false,
  photos: [],
};

export const INITIAL_APPLY_STATE: ApplyState = {
  step: 'consent',
  draft: EMPTY_DRAFT,
  errors: [],
  reached: 'consent',
};

function stepIndex(step: ApplyStep): number {
  return APPLY_STEPS.indexOf(step);
}

function advance(state: ApplyState, draft: ApplyDraft): ApplyState {
  const next = APPLY_STEPS[stepIndex(state.step) + 1] ?? 'done';
  // Coming from the review page's "change" links, return to the review once the step is fixed.
  const target =
    stepIndex(state.reached) >= stepIndex('review') && next !== 'done' ? 'review' : next;
  return {
    step: target,
    draft,
    errors: [],
    reached: stepIndex(target) > stepIndex(state.reached) ? target : state.reached,
  };
}

function fail(
  state: ApplyState,
  errors: readonly FieldError[],
  draft: ApplyDraft = state.draft,
): ApplyState {
  return { ...state, draft, errors };
}

function checkIdentity(identity: IdentityDraft, today: Date): FieldError[] {
  const errors: FieldError[] = [];
  if (identity.name.trim() === '') errors.push({ field: 'name', error: { kind: 'empty' } });
  else if (identity.name.length > 60) errors.push({ field: 'name', error: { kind: 'tooLong' } });
  // A foreigner's permanent residence card carries no address and OCR reads none: the center
  // completes it. Staff typing an identity by hand type the address too.
  if (identity.source === 'manual_staff' && identity.address.trim() === '')
    errors.push({ field: 'address', error: { kind: 'empty' } });
  else if (identity.address.length > 200)
    errors.push({ field: 'address', error: { kind: 'tooLong' } });
  const parsed = parseIdNumber(identity.idNumber, { today });
  if (!parsed.ok) errors.push({ field: 'idNumber', error: parsed.error });
  return errors;
}

/** Whether an identity may be used only after staff confirmed it. */
export function needsStaffConfirmation(identity: IdentityDraft): boolean {
  if (identity.confirmedByStaff || identity.source === 'reader') return false;
  return !(identity.source === 'ocr' && identity.ocrVerified === true);
}

/** Identity fields derived from a valid ID number where the source did not provide them. */
function completeFromIdNumber(identity: IdentityDraft, today: Date): IdentityDraft {
  const parsed = parseIdNumber(identity.idNumber, { today });
  if (!parsed.ok) return identity;
  return {
    ...identity,
    idNumber: parsed.value.idNumber,
    birthDate: identity.birthDate || parsed.value.birthDate,
    sex: identity.sex === 'unknown' ? parsed.value.sex : identity.sex,
  };
}

function withIdentity(state: ApplyState, identity: IdentityDraft, today: Date): ApplyState {
  const completed = completeFromIdNumber(identity, today);
  const draft = { ...state.draft, identity: completed };
  const errors = checkIdentity(completed, today);
  if (errors.length > 0) return fail(state, errors, draft);
  if (needsStaffConfirmation(completed)) {
    // Stay on the identity step until staff confirm what OCR read or what was typed.
    return fail(state, [{ field: 'identity', error: { kind: 'needsStaffConfirmation' } }], draft);
  }
  return advance(state, draft);
}

export function applyReducer(state: ApplyState, action: ApplyAction): ApplyState {
  switch (action.type) {
    case 'restored':
      return action.state;

    case 'consentAccepted':
      if (state.step !== 'consent') return state;
      return advance(state, { ...state.draft, consent: action.consent });

    case 'identityFromCard': {
      if (state.step !== 'identity') return state;
      const { card } = action;
      const parsed = parseIdNumber(card.idNumber, {
        today: action.today,
        expectedBirthDate: card.birthDate,
      });
      if (!parsed.ok) return fail(state, [{ field: 'idNumber', error: parsed.error }]);
      return withIdentity(
        state,
        {
          source: 'reader',
          name: cleanInputText(card.name).trim(),
          sex: card.sex,
          ...(card.nation ? { nationCode: card.nation.code } : {}),
          birthDate: card.birthDate,
          idNumber: parsed.value.idNumber,
          address: cleanInputText(card.address ?? '').trim(),
          confirmedByStaff: false,
        },
        action.today,
      );
    }

    case 'identityFromOcr':
      if (state.step !== 'identity') return state;
      return withIdentity(
        state,
        {
          source: 'ocr',
          name: cleanInputText(action.name).trim(),
          sex: 'unknown',
          birthDate: '',
          idNumber: cleanInputText(action.idNumber),
          address: cleanInputText(action.address).trim(),
          confirmedByStaff: false,
          ...(action.verified ? { ocrVerified: true } : {}),
        },
        action.today,
      );

    case 'identityTyped':
      if (state.step !== 'identity') return state;
      return withIdentity(
        state,
        {
          source: action.source ?? 'manual_staff',
          name: cleanInputText(action.identity.name).trim(),
          sex: action.identity.sex,
          ...(action.identity.nationCode ? { nationCode: action.identity.nationCode } : {}),
          birthDate: '',
          idNumber: cleanInputText(action.identity.idNumber),
          address: cleanInputText(action.identity.address).trim(),
          // Typing is done by staff (the flow only offers it in staff mode): that is the confirmation.
          confirmedByStaff: true,
        },
        action.today,
      );

    case 'identityConfirmedByStaff': {
      if (state.step !== 'identity' || !state.draft.identity) return state;
      return withIdentity(state, { ...state.draft.identity, confirmedByStaff: true }, action.today);
    }

    case 'phoneEntered': {
      if (state.step !== 'phone') return state;
      const parsed = parsePhone(action.phone);
      if (!parsed.ok)
        return fail(state, [{ field: 'phone', error: parsed.error }], {
          ...state.draft,
          phone: action.phone,
        });
      return advance(state, { ...state.draft, phone: parsed.value });
    }

    case 'fieldTyped':
      if (action.field === 'phone') {
        if (state.step !== 'phone' || action.value.length > 20) return state;
        return { ...state, draft: { ...state.draft, phone: action.value } };
      }
      if (state.step !== 'description') return state;
      return {
        ...state,
        draft: { ...state.draft, description: cleanDescription(action.value) },
      };

    case 'categoryChosen':
      if (state.step !== 'category' || !CASE_CATEGORIES.includes(action.category)) return state;
      return advance(state, { ...state.draft, caseCategory: action.category });

    case 'hardshipToggled': {
      if (state.step !== 'hardship' || !HARDSHIP_BASES.includes(action.basis)) return state;
      const current = state.draft.hardshipBases;
      const hardshipBases = current.includes(action.basis)
        ? current.filter((b) => b !== action.basis)
        : // 'means_test' means "none of the exemptions": it excludes the others and vice versa.
          action.basis === 'means_test'
          ? ['means_test' as const]
          : [...current.filter((b) => b !== 'means_test'), action.basis];
      return { ...state, draft: { ...state.draft, hardshipBases }, errors: [] };
    }

    case 'hardshipConfirmed':
      if (state.step !== 'hardship') return state;
      if (state.draft.hardshipBases.length === 0)
        return fail(state, [{ field: 'hardshipBases', error: { kind: 'missing' } }]);
      return advance(state, state.draft);

    case 'descriptionEntered': {
      if (state.step !== 'description') return state;
      const text = cleanInputText(action.text, { multiline: true });
      const draft = { ...state.draft, description: text, descriptionByStaff: false };
      if (text.trim() === '')
        return fail(state, [{ field: 'description', error: { kind: 'missing' } }], draft);
      if (codePointLength(text) > MAX_DESCRIPTION_LENGTH)
        return fail(state, [{ field: 'description', error: { kind: 'tooLong' } }], draft);
      return advance(state, { ...draft, description: text.trim() });
    }

    case 'descriptionLeftToStaff':
      if (state.step !== 'description') return state;
      // What was typed so far is kept: staff complete it rather than start over.
      return advance(state, {
        ...state.draft,
        description: cleanDescription(action.text ?? state.draft.description),
        descriptionByStaff: true,
      });

    case 'photoAdded':
      if (state.step !== 'photos') return state;
      if (state.draft.photos.length >= MAX_PHOTOS)
        return fail(state, [{ field: 'photos', error: { kind: 'tooMany' } }]);
      if (state.draft.photos.some((p) => p.sha256 === action.photo.sha256)) return state;
      return {
        ...state,
        draft: { ...state.draft, photos: [...state.draft.photos, action.photo] },
        errors: [],
      };

    case 'photoRemoved':
      if (state.step !== 'photos') return state;
      return {
        ...state,
        draft: { ...state.draft, photos: state.draft.photos.filter((p) => p.id !== action.id) },
        errors: [],
      };

    case 'photosDone':
      if (state.step !== 'photos') return state;
      return advance(state, state.draft);

    case 'submitted': {
      if (state.step !== 'review') return state;
      const errors = missingForSubmission(state.draft);
      if (errors.length > 0) return fail(state, errors);
      return { ...state, step: 'done', errors: [], reached: 'done' };
    }

    case 'back': {
      if (state.step === 'done' || state.step === 'consent') return state;
      const previous = APPLY_STEPS[stepIndex(state.step) - 1] ?? 'consent';
      // Consent once given is not asked again by going back; Back from identity leaves the flow.
      return { ...state, step: previous === 'consent' ? state.step : previous, errors: [] };
    }

    case 'goTo':
      if (state.step === 'done' || action.step === 'done' || action.step === 'consent')
        return state;
      if (stepIndex(action.step) > stepIndex(state.reached)) return state;
      return { ...state, step: action.step, errors: [] };
  }
}

/** Everything the application needs before it can be submitted, as field errors. */
export function missingForSubmission(draft: ApplyDraft): FieldError[] {
  const errors: FieldError[] = [];
  if (!draft.consent) errors.push({ field: 'consent', error: { kind: 'missing' } });
  if (!draft.identity) errors.push({ field: 'identity', error: { kind: 'missing' } });
  else if (needsStaffConfirmation(draft.identity)) {
    errors.push({ field: 'identity', error: { kind: 'needsStaffConfirmation' } });
  }
  if (!parsePhone(draft.phone).ok) errors.push({ field: 'phone', error: { kind: 'empty' } });
  if (!draft.caseCategory) errors.push({ field: 'caseCategory', error: { kind: 'missing' } });
  if (draft.hardshipBases.length === 0)
    errors.push({ field: 'hardshipBases', error: { kind: 'missing' } });
  if (!draft.descriptionByStaff && draft.description.trim() === '')
    errors.push({ field: 'description', error: { kind: 'missing' } });
  return errors;
}

/** True when the back action leaves the flow (the resident goes home). */
export function backLeavesFlow(state: ApplyState): boolean {
  return state.step === 'consent' || state.step === 'identity';
}
