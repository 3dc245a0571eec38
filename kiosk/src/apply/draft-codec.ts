/**
 * The apply flow's state as a draft document (`drafts.data`, encrypted at rest) and back. A
 * stored draft is input like any other: it is parsed field by field on the way out, and one
 * that does not parse is not restored. Photos are not in the draft: their bytes live in memory
 * until submission, so after a power cut staff take them again.
 */
import {
  CASE_CATEGORIES,
  HARDSHIP_BASES,
  IDENTITY_SOURCES,
  isRecord,
  LANGUAGES,
  type CaseCategory,
  type HardshipBasis,
  type IdentitySource,
  type Language,
} from '@pls/shared/domain';
import {
  APPLY_STEPS,
  EMPTY_DRAFT,
  type ApplyDraft,
  type ApplyState,
  type ApplyStep,
  type ConsentRecord,
  type IdentityDraft,
} from './apply-flow';

const DRAFT_FORMAT = 1;

export function encodeDraft(state: ApplyState): Record<string, unknown> {
  const { photos: _photos, ...draft } = state.draft;
  // The last step with a photo: back to the photo step, where they are taken again.
  const step = state.step === 'review' && state.draft.photos.length > 0 ? 'photos' : state.step;
  return { format: DRAFT_FORMAT, step, reached: state.reached, draft: { ...draft } };
}

function oneOf<T extends string>(list: readonly T[], value: unknown): T | undefined {
  return typeof value === 'string' && (list as readonly string[]).includes(value)
    ? (value as T)
    : undefined;
}

function text(value: unknown, max: number): string | undefined {
  return typeof value === 'string' && value.length <= max ? value : undefined;
}

function parseConsent(value: unknown): ConsentRecord | undefined {
  if (!isRecord(value)) return undefined;
  const textVersion = text(value['textVersion'], 40);
  const acceptedAt = text(value['acceptedAt'], 40);
  const language = oneOf<Language>(LANGUAGES, value['language']);
  if (!textVersion || !acceptedAt || Number.isNaN(Date.parse(acceptedAt)) || !language) {
    return undefined;
  }
  return { textVersion, acceptedAt, language };
}

function parseIdentity(value: unknown): IdentityDraft | undefined {
  if (!isRecord(value)) return undefined;
  const source = oneOf<IdentitySource>(IDENTITY_SOURCES, value['source']);
  const sex = oneOf(['male', 'female', 'unknown'] as const, value['sex']);
  const name = text(value['name'], 60);
  const birthDate = text(value['birthDate'], 10);
  const idNumber = text(value['idNumber'], 18);
  const address = text(value['address'], 200);
  const nationCode = value['nationCode'];
  const confirmed = value['confirmedByStaff'];
  const ocrVerified = value['ocrVerified'];
  if (
    (ocrVerified !== undefined && typeof ocrVerified !== 'boolean') ||
    !source ||
    !sex ||
    name === undefined ||
    birthDate === undefined ||
    idNumber === undefined ||
    address === undefined ||
    typeof confirmed !== 'boolean' ||
    (nationCode !== undefined && (typeof nationCode !== 'string' || !/^\d{2}$/.test(nationCode)))
  ) {
    return undefined;
  }
  return {
    source,
    name,
    sex,
    birthDate,
    idNumber,
    address,
    confirmedByStaff: confirmed,
    ...(ocrVerified === true ? { ocrVerified } : {}),
    ...(typeof nationCode === 'string' ? { nationCode } : {}),
  };
}

function parseDraft(value: unknown): ApplyDraft | undefined {
  if (!isRecord(value)) return undefined;
  const phone = text(value['phone'], 20);
  const description = text(value['description'], 2000);
  const byStaff = value['descriptionByStaff'];
  const bases = value['hardshipBases'];
  if (
    phone === undefined ||
    description === undefined ||
    typeof byStaff !== 'boolean' ||
    !Array.isArray(bases)
  ) {
    return undefined;
  }
  const hardshipBases = bases.map((b) => oneOf<HardshipBasis>(HARDSHIP_BASES, b));
  if (hardshipBases.some((b) => b === undefined)) return undefined;
  const consent = value['consent'] === undefined ? undefined : parseConsent(value['consent']);
  const identity = value['identity'] === undefined ? undefined : parseIdentity(value['identity']);
  const category =
    value['caseCategory'] === undefined
      ? undefined
      : oneOf<CaseCategory>(CASE_CATEGORIES, value['caseCategory']);
  if (
    (value['consent'] !== undefined && !consent) ||
    (value['identity'] !== undefined && !identity) ||
    (value['caseCategory'] !== undefined && !category)
  ) {
    return undefined;
  }
  return {
    ...EMPTY_DRAFT,
    phone,
    description,
    descriptionByStaff: byStaff,
    hardshipBases: hardshipBases as HardshipBasis[],
    ...(consent ? { consent } : {}),
    ...(identity ? { identity } : {}),
    ...(category ? { caseCategory: category } : {}),
  };
}

/** The state to resume from, or undefined when the stored data is not a draft we wrote. */
export function decodeDraft(data: unknown): ApplyState | undefined {
  if (!isRecord(data) || data['format'] !== DRAFT_FORMAT) return undefined;
  const step = oneOf<ApplyStep>(APPLY_STEPS, data['step']);
  const reached = oneOf<ApplyStep>(APPLY_STEPS, data['reached']);
  const draft = parseDraft(data['draft']);
  if (!step || !reached || step === 'done' || !draft) return undefined;
  // A draft without consent cannot be anywhere but the consent step.
  if (!draft.consent && step !== 'consent') return undefined;
  return {
    step,
    reached: APPLY_STEPS.indexOf(reached) < APPLY_STEPS.indexOf(step) ? step : reached,
    draft,
    errors: [],
  };
}
