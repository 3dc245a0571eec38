/**
 * "This did not answer me": the resident leaves a question for a lawyer (topic, a few words,
 * phone, when to call back, in the language on screen). Stored offline as a `questions`
 * document with a tracking code made on the kiosk; the sync pushes it, the center answers with
 * a case update (kind 'answer') that comes back to this kiosk only. The resident finds it again
 * with the tracking code and the last four digits of the phone (checked against a hash).
 */
import {
  describeValidationError,
  err,
  lookupVerifier,
  newDocumentId,
  ok,
  parsePhone,
  phoneLast4,
  validateDocument,
  verifyLookup,
  isLast4,
  normalizeLast4,
  type CallbackTime,
  type CaseCategory,
  type CaseUpdate,
  type Language,
  type PhoneError,
  type Question,
  type Result,
  type TrackingCode,
} from '@pls/shared/domain';
import { nextTrackingCode, type DatabaseWith } from '@pls/shared/db';
import type { Enrollment } from '../boot/enrollment';

export const QUESTION_TEXT_MAX = 500;

export interface LeaveQuestionInput {
  readonly category: CaseCategory;
  readonly text: string;
  readonly phone: string;
  readonly callbackTime: CallbackTime;
  readonly language: Language;
  readonly relatedContentId?: string;
}

export type LeaveQuestionError =
  | { readonly kind: 'textEmpty' }
  | { readonly kind: 'textTooLong'; readonly max: number }
  | { readonly kind: 'phone'; readonly error: PhoneError }
  | { readonly kind: 'invalid'; readonly message: string };

/** Checks what the resident entered, before a tracking code is spent on it. */
export function checkQuestionInput(
  input: LeaveQuestionInput,
): Result<{ text: string; phone: string }, LeaveQuestionError> {
  const text = input.text.trim();
  if (text === '') return err({ kind: 'textEmpty' });
  if (text.length > QUESTION_TEXT_MAX) return err({ kind: 'textTooLong', max: QUESTION_TEXT_MAX });
  const phone = parsePhone(input.phone);
  if (!phone.ok) return err({ kind: 'phone', error: phone.error });
  return ok({ text, phone: phone.value });
}

export async function leaveQuestion(
  db: DatabaseWith<'questions'>,
  enrollment: Pick<Enrollment, 'deviceId' | 'deviceTag' | 'stationId'>,
  input: LeaveQuestionInput,
  now: Date = new Date(),
): Promise<Result<Question, LeaveQuestionError>> {
  const checked = checkQuestionInput(input);
  if (!checked.ok) return checked;
  const trackingCode = await nextTrackingCode(db, enrollment.deviceTag, now);
  const iso = now.toISOString();
  const doc: Question = {
    id: newDocumentId(now),
    schemaVersion: 1,
    createdAt: iso,
    updatedAt: iso,
    deviceId: enrollment.deviceId,
    source: 'kiosk',
    stationId: enrollment.stationId,
    trackingCode,
    language: input.language,
    category: input.category,
    text: checked.value.text,
    wantsCallback: true,
    callbackTime: input.callbackTime,
    contact: { phone: checked.value.phone },
    lookupVerifier: await lookupVerifier(trackingCode, phoneLast4(checked.value.phone)),
    submittedAt: iso,
    ...(input.relatedContentId ? { relatedContentId: input.relatedContentId } : {}),
  };
  const valid = validateDocument('questions', doc);
  if (!valid.ok) return err({ kind: 'invalid', message: describeValidationError(valid.error) });
  await db.questions.insert(doc);
  return ok(doc);
}

export interface QuestionAnswer {
  readonly id: string;
  readonly text: string;
  readonly language: Language;
  readonly at: string;
  readonly staffName?: string;
}

export type QuestionState =
  | { readonly kind: 'waiting' }
  | { readonly kind: 'received'; readonly at: string }
  | { readonly kind: 'answered'; readonly answer: QuestionAnswer };

/** Where a question stands, from its case updates: the newest answer wins. */
export function questionState(updates: readonly CaseUpdate[]): QuestionState {
  const sorted = [...updates].sort((a, b) => a.serverTime.localeCompare(b.serverTime));
  const answer = sorted.filter((u) => u.kind === 'answer' && u.answer).at(-1);
  if (answer?.answer) {
    return {
      kind: 'answered',
      answer: {
        id: answer.id,
        text: answer.answer.text,
        language: answer.answer.language,
        at: answer.serverTime,
        ...(answer.staffName ? { staffName: answer.staffName } : {}),
      },
    };
  }
  const received = sorted.find((u) => u.kind === 'received');
  return received ? { kind: 'received', at: received.serverTime } : { kind: 'waiting' };
}

/**
 * The question with this code whose phone ends in these four digits; undefined otherwise, the
 * same for an unknown code and a wrong last four.
 */
export async function findQuestion(
  db: DatabaseWith<'questions'>,
  trackingCode: TrackingCode,
  last4: string,
): Promise<Question | undefined> {
  if (!isLast4(last4)) return undefined;
  const doc = await db.questions.findOne({ selector: { trackingCode } }).exec();
  const verifier = doc?.lookupVerifier ?? '0'.repeat(64);
  const matches = await verifyLookup(trackingCode, normalizeLast4(last4), verifier);
  return doc && matches ? doc.toMutableJSON() : undefined;
}
