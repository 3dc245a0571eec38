import { REGION_CODE_PATTERN, isSlug, ok, type Result } from '@pls/shared/domain';
import type { Queryable } from '../db/database';
import { failure, type ServiceError } from '../errors';

export interface Station {
  readonly id: string;
  readonly name: string;
  readonly regionCode: string;
}

export async function addStation(
  db: Queryable,
  station: Station,
): Promise<Result<Station, ServiceError>> {
  if (!isSlug(station.id))
    return failure(
      'bad_request',
      `station id "${station.id}" must be a slug (a-z, 0-9, -; 3-64 characters)`,
    );
  if (station.name.trim() === '' || station.name.length > 120)
    return failure('bad_request', 'station name must be 1-120 characters');
  if (!REGION_CODE_PATTERN.test(station.regionCode))
    return failure('bad_request', `region code "${station.regionCode}" must be 2, 4 or 6 digits`);
  const { rows } = await db.query<{ id: string }>(
    'insert into stations (id, name, region_code) values ($1, $2, $3) on conflict (id) do nothing returning id',
    [station.id, station.name.trim(), station.regionCode],
  );
  if (rows.length === 0) return failure('conflict', `station "${station.id}" already exists`);
  return ok(station);
}

export async function listStations(db: Queryable): Promise<Station[]> {
  const { rows } = await db.query<{ id: string; name: string; region_code: string }>(
    'select id, name, region_code from stations order by id',
  );
  return rows.map((r) => ({ id: r.id, name: r.name, regionCode: r.region_code }));
}
