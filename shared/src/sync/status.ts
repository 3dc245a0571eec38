/**
 * The one sync status every screen shows. Codes only: the UI says them in the resident's
 * language (locales `common:sync.*`, and `common:sync.reason.<reason>` for errors).
 */
import type { RevokeReason } from '../domain/vocabulary';
import type { HttpFailure } from './sync-http';

export const SYNC_ERROR_REASONS = [
  /** The center's server does not answer (network up, server or link down). */
  'unreachable',
  /** The center revoked this device: enroll again. */
  'revoked',
  /** The token is unknown to the center (database reset, wrong server). */
  'unauthorized',
  /** The center refused some documents; they wait in the outbox for staff. */
  'rejected',
  /** The server failed (5xx) or is overloaded (429). */
  'server',
  /** The server answered something this version does not understand: update the app. */
  'protocol',
] as const;
export type SyncErrorReason = (typeof SYNC_ERROR_REASONS)[number];

export type SyncStatus =
  /** The device has no network at all (navigator.onLine is false). */
  | { readonly kind: 'offline'; readonly lastSyncedAt: string | null }
  | { readonly kind: 'syncing'; readonly lastSyncedAt: string | null }
  | { readonly kind: 'upToDate'; readonly lastSyncedAt: string }
  | {
      readonly kind: 'error';
      readonly reason: SyncErrorReason;
      /** English detail for logs and staff screens, never for residents. */
      readonly detail: string;
      readonly lastSyncedAt: string | null;
      /** When the next automatic attempt happens (null: no retry scheduled). */
      readonly retryAt: string | null;
      /** Documents the center refused (reason 'rejected', or alongside another error). */
      readonly rejectedCount: number;
      /** Why the center revoked the device (reason 'revoked'), when it said. */
      readonly revokeReason?: RevokeReason;
    };

export function reasonOf(failure: HttpFailure): SyncErrorReason {
  switch (failure.kind) {
    case 'unreachable':
      return 'unreachable';
    case 'revoked':
      return 'revoked';
    case 'unauthorized':
      return 'unauthorized';
    case 'rejected':
      return 'rejected';
    case 'server':
      return 'server';
    case 'client':
    case 'protocol':
      return 'protocol';
  }
}

const SEVERITY: Readonly<Record<SyncErrorReason, number>> = {
  revoked: 6,
  unauthorized: 5,
  protocol: 4,
  server: 3,
  unreachable: 2,
  rejected: 1,
};

export interface StatusInputs {
  readonly online: boolean;
  /** Failures of the last attempt per channel (collection+direction, stream), cleared on success. */
  readonly failures: ReadonlyMap<string, HttpFailure>;
  /** Some replication is working (pulling, pushing, or waiting to retry). */
  readonly active: boolean;
  /** Every replication finished its first round since start. */
  readonly initialDone: boolean;
  readonly rejectedCount: number;
  readonly lastSyncedAt: string | null;
  readonly retryAt: number;
}

/** Pure: the status for a set of inputs. Precedence: offline, errors, syncing, refused documents, up to date. */
export function computeStatus(inputs: StatusInputs): SyncStatus {
  const { lastSyncedAt } = inputs;
  if (!inputs.online) return { kind: 'offline', lastSyncedAt };
  let worst: HttpFailure | undefined;
  for (const failure of inputs.failures.values()) {
    if (!worst || SEVERITY[reasonOf(failure)] > SEVERITY[reasonOf(worst)]) worst = failure;
  }
  if (worst) {
    return {
      kind: 'error',
      reason: reasonOf(worst),
      detail: worst.message,
      lastSyncedAt,
      retryAt: inputs.retryAt > 0 ? new Date(inputs.retryAt).toISOString() : null,
      rejectedCount: inputs.rejectedCount,
      ...(worst.kind === 'revoked' && worst.revokeReason
        ? { revokeReason: worst.revokeReason }
        : {}),
    };
  }
  if (inputs.active || !inputs.initialDone || lastSyncedAt === null)
    return { kind: 'syncing', lastSyncedAt };
  if (inputs.rejectedCount > 0) {
    return {
      kind: 'error',
      reason: 'rejected',
      detail: `${inputs.rejectedCount} document(s) refused by the center`,
      lastSyncedAt,
      retryAt: null,
      rejectedCount: inputs.rejectedCount,
    };
  }
  return { kind: 'upToDate', lastSyncedAt };
}

export function sameStatus(a: SyncStatus, b: SyncStatus): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
