/**
 * A satisfaction rating as the `feedback` document the kiosk stores and syncs: the faces and
 * tags, which service was rated (and which case, when there is one), the station and the
 * language — never who rated. Validated against the shared schema before it is stored.
 */
import {
  describeValidationError,
  err,
  FEEDBACK_TAGS,
  newDocumentId,
  ok,
  validateDocument,
  type Feedback,
  type Language,
  type Result,
} from '@pls/shared/domain';

export type FeedbackTag = (typeof FEEDBACK_TAGS)[number];
export const RATINGS = [1, 2, 3, 4, 5] as const;
export type Rating = (typeof RATINGS)[number];

export interface RatingInput {
  readonly rating: Rating;
  readonly tags: readonly FeedbackTag[];
  /** The screen's service id (`calculators`, `urgent`, `apply`…). */
  readonly service: string;
  readonly trackingCode?: string;
  readonly language: Language;
}

export interface RatingContext {
  readonly deviceId: string;
  readonly stationId: string;
  readonly now: Date;
}

export function buildFeedback(
  input: RatingInput,
  context: RatingContext,
): Result<Feedback, string> {
  const now = context.now.toISOString();
  const document = {
    id: newDocumentId(context.now),
    schemaVersion: 0,
    createdAt: now,
    updatedAt: now,
    deviceId: context.deviceId,
    source: 'kiosk',
    stationId: context.stationId,
    rating: input.rating,
    // In the order of the vocabulary, each once, whatever order they were tapped in.
    tags: FEEDBACK_TAGS.filter((tag) => input.tags.includes(tag)),
    comment: '',
    service: input.service,
    ...(input.trackingCode !== undefined ? { trackingCode: input.trackingCode } : {}),
    language: input.language,
  };
  const checked = validateDocument('feedback', document);
  return checked.ok ? ok(checked.value) : err(describeValidationError(checked.error));
}
