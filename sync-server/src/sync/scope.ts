/**
 * Who sees what (docs/decisions/0001-architecture.md, "Scope"). The same rules twice: as SQL
 * for pulls and in code for the stream fan-out; scope.test.ts checks they agree.
 */
import { regionCovers, type CollectionName, type DeviceKind } from '@pls/shared/domain';

export interface DeviceIdentity {
  readonly id: string;
  readonly kind: DeviceKind;
  readonly name: string;
  readonly stationId: string | null;
  readonly householdId: string | null;
  readonly regionCode: string;
  readonly deviceTag: string;
}

/** Scope columns stored beside each document body. */
export interface ScopeColumns {
  readonly owner: string | null;
  readonly household: string | null;
  readonly region: string | null;
  readonly audiences: readonly string[] | null;
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

export function scopeColumnsOf(
  collection: CollectionName,
  doc: Readonly<Record<string, unknown>>,
): ScopeColumns {
  switch (collection) {
    case 'content':
      return {
        owner: null,
        household: null,
        region: str(doc['regionCode']),
        audiences: Array.isArray(doc['audiences']) ? (doc['audiences'] as string[]) : [],
      };
    case 'directory':
      return { owner: null, household: null, region: str(doc['regionCode']), audiences: null };
    case 'device_config':
      return { owner: str(doc['deviceId']), household: null, region: null, audiences: null };
    case 'case_updates':
    case 'applications':
    case 'questions':
    case 'appointments':
    case 'feedback':
      return {
        owner: str(doc['deviceId']),
        household: str(doc['householdId']),
        region: null,
        audiences: null,
      };
  }
}

export function visibleTo(
  device: DeviceIdentity,
  collection: CollectionName,
  row: ScopeColumns,
): boolean {
  switch (collection) {
    case 'content':
      return (
        row.region !== null &&
        regionCovers(row.region, device.regionCode) &&
        (row.audiences ?? []).includes(device.kind)
      );
    case 'directory':
      return row.region !== null && regionCovers(row.region, device.regionCode);
    case 'case_updates':
      return (
        row.owner === device.id ||
        (device.kind === 'tv' &&
          device.householdId !== null &&
          row.household === device.householdId)
      );
    case 'device_config':
    case 'applications':
    case 'questions':
    case 'appointments':
    case 'feedback':
      return row.owner === device.id;
  }
}

/**
 * SQL condition (on table alias `d`) selecting what `device` may see of `collection`.
 * Parameters are appended to `params`; the condition refers to them by position.
 */
export function scopeCondition(
  device: DeviceIdentity,
  collection: CollectionName,
  params: unknown[],
): string {
  const p = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  switch (collection) {
    case 'content':
      return `(starts_with(${p(device.regionCode)}, d.region_code) and ${p(device.kind)} = any(d.audiences))`;
    case 'directory':
      return `starts_with(${p(device.regionCode)}, d.region_code)`;
    case 'case_updates':
      if (device.kind === 'tv' && device.householdId !== null) {
        return `(d.owner_device_id = ${p(device.id)} or d.household_id = ${p(device.householdId)})`;
      }
      return `d.owner_device_id = ${p(device.id)}`;
    case 'device_config':
    case 'applications':
    case 'questions':
    case 'appointments':
    case 'feedback':
      return `d.owner_device_id = ${p(device.id)}`;
  }
}
