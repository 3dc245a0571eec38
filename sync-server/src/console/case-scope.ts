/**
 * Which cases a console user may see and change, decided on the server for every request:
 * admin all; reviewer the stations (and TV households) of their region; station staff their
 * own station only. The same scope filters lists, details, attachments and CSV exports.
 */
import type { ConsoleUser } from './api-types';

export type CaseScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'region'; readonly regionCode: string }
  | { readonly kind: 'station'; readonly stationId: string }
  | { readonly kind: 'none' };

export function scopeOf(user: ConsoleUser): CaseScope {
  switch (user.role) {
    case 'admin':
      return { kind: 'all' };
    case 'reviewer':
      return user.regionCode ? { kind: 'region', regionCode: user.regionCode } : { kind: 'none' };
    case 'station_staff':
      return user.stationId ? { kind: 'station', stationId: user.stationId } : { kind: 'none' };
  }
}

/** Parameters for SCOPE_SQL: [station or null, region prefix or null, deny-all]. */
export function scopeParams(scope: CaseScope): [string | null, string | null, boolean] {
  switch (scope.kind) {
    case 'all':
      return [null, null, false];
    case 'region':
      return [null, scope.regionCode, false];
    case 'station':
      return [scope.stationId, null, false];
    case 'none':
      return [null, null, true];
  }
}
