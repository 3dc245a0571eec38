/**
 * A question (or callback request) asked on the TV: a `questions` document for the household,
 * with a tracking code made on the box, validated against the same schema the server checks.
 * The phone is validated as typed on the number keys (domain/phone.ts).
 */
import {
  err,
  lookupVerifier,
  newDocumentId,
  ok,
  parsePhone,
  phoneLast4,
  validateDocument,
  describeValidationError,
  type CaseCategory,
  type DeviceId,
  type HouseholdId,
  type PhoneError,
  type Question,
  type Result,
  type TrackingCode,
} from '@pls/shared/domain';
import type { Language } from '@pls/shared/i18n';

export interface AskInput {
  readonly deviceId: DeviceId;
  readonly householdId: HouseholdId;
  readonly trackingCode: TrackingCode;
  readonly language: Language;
  readonly category: CaseCategory;
  /** What the viewer picked or typed; may be empty (a callback about the topic). */
  readonly text: string;
  /** Words used when the viewer gave no text, in the question's language. */
  readonly fallbackText: string;
  readonly phone: string;
  readonly relatedContentId?: string;
  readonly now: Date;
}

export type AskError =
  | { readonly kind: 'phone'; readonly error: PhoneError }
  | { readonly kind: 'invalid'; readonly message: string };

export async function buildQuestion(input: AskInput): Promise<Result<Question, AskError>> {
  const phone = parsePhone(input.phone);
  if (!phone.ok) return err({ kind: 'phone', error: phone.error });
  const iso = input.now.toISOString();
  const text = input.text.trim() === '' ? input.fallbackText : input.text.trim();
  const doc: Question = {
    id: newDocumentId(input.now),
    schemaVersion: 0,
    createdAt: iso,
    updatedAt: iso,
    deviceId: input.deviceId,
    source: 'tv',
    householdId: input.householdId,
    trackingCode: input.trackingCode,
    language: input.language,
    category: input.category,
    text: text.slice(0, 2000),
    wantsCallback: true,
    contact: { phone: phone.value },
    lookupVerifier: await lookupVerifier(input.trackingCode, phoneLast4(phone.value)),
    submittedAt: iso,
    ...(input.relatedContentId ? { relatedContentId: input.relatedContentId } : {}),
  };
  const checked = validateDocument('questions', doc);
  if (!checked.ok) return err({ kind: 'invalid', message: describeValidationError(checked.error) });
  return ok(doc);
}
