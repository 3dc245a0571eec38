/**
 * Turns a completed draft into the `applications` document the kiosk stores and syncs. The
 * result is validated against the same schema the server uses, so a bad value is caught here,
 * while the resident is still at the kiosk.
 */
import {
  describeValidationError,
  err,
  idNumberLast4,
  lookupVerifier,
  ok,
  validateDocument,
  type Application,
  type DeviceId,
  type DocumentId,
  type Language,
  type Result,
  type StationId,
  type TrackingCode,
} from '@pls/shared/domain';
import { missingForSubmission, type ApplyDraft, type FieldError } from './apply-flow';

export interface ApplicationContext {
  readonly id: DocumentId;
  readonly deviceId: DeviceId;
  readonly stationId: StationId;
  readonly trackingCode: TrackingCode;
  readonly language: Language;
  readonly now: Date;
}

export type BuildApplicationError =
  | { readonly kind: 'incomplete'; readonly errors: readonly FieldError[] }
  | { readonly kind: 'invalid'; readonly message: string };

export async function buildApplication(
  draft: ApplyDraft,
  context: ApplicationContext,
): Promise<Result<Application, BuildApplicationError>> {
  const missing = missingForSubmission(draft);
  const { identity, consent, caseCategory } = draft;
  if (missing.length > 0 || !identity || !consent || !caseCategory) {
    return err({ kind: 'incomplete', errors: missing });
  }
  const now = context.now.toISOString();
  const document: Application = {
    id: context.id,
    schemaVersion: 0,
    createdAt: now,
    updatedAt: now,
    submittedAt: now,
    deviceId: context.deviceId,
    stationId: context.stationId,
    trackingCode: context.trackingCode,
    language: context.language,
    applicant: {
      name: identity.name,
      sex: identity.sex,
      ...(identity.nationCode ? { nationCode: identity.nationCode } : {}),
      birthDate: identity.birthDate,
      idNumber: identity.idNumber,
      address: identity.address,
      phone: draft.phone,
    },
    identitySource: identity.source,
    identityConfirmedByStaff: identity.confirmedByStaff,
    caseCategory,
    hardshipBases: [...draft.hardshipBases],
    description: draft.description,
    descriptionByStaff: draft.descriptionByStaff,
    attachments: draft.photos.map((photo) => ({
      id: photo.id,
      kind: 'material_photo' as const,
      mimeType: photo.mimeType,
      bytes: photo.bytes,
      sha256: photo.sha256,
      capturedAt: photo.capturedAt,
    })),
    consent: { ...consent },
    lookupVerifier: await lookupVerifier(context.trackingCode, idNumberLast4(identity.idNumber)),
  };
  const checked = validateDocument('applications', document);
  if (!checked.ok) return err({ kind: 'invalid', message: describeValidationError(checked.error) });
  return ok(checked.value);
}
