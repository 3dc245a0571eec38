import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTION_NAMES } from '@pls/shared/domain';
import { openDatabase } from '../db/open-database';
import type { Database } from '../db/database';
import { scopeCondition, visibleTo, type DeviceIdentity, type ScopeColumns } from './scope';

/** The pull's SQL and the stream's code must agree on who sees what, row by row. */
describe('scope: SQL and code agree', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase({ kind: 'pglite', dataDir: 'memory://' });
  });
  afterAll(async () => {
    await db?.close();
  });

  const devices: DeviceIdentity[] = [
    {
      id: 'kiosk-aaaa',
      kind: 'kiosk',
      name: '',
      stationId: 's-1',
      householdId: null,
      regionCode: '152502',
      deviceTag: 'AAAA',
    },
    {
      id: 'kiosk-bbbb',
      kind: 'kiosk',
      name: '',
      stationId: 's-2',
      householdId: null,
      regionCode: '150102',
      deviceTag: 'BBBB',
    },
    {
      id: 'tv-cccc',
      kind: 'tv',
      name: '',
      stationId: null,
      householdId: 'h-1',
      regionCode: '1525',
      deviceTag: 'CCCC',
    },
    {
      id: 'tv-dddd',
      kind: 'tv',
      name: '',
      stationId: null,
      householdId: 'h-1',
      regionCode: '1525',
      deviceTag: 'DDDD',
    },
  ];
  const owners = [null, 'kiosk-aaaa', 'kiosk-bbbb', 'tv-cccc', 'tv-dddd'];
  const households = [null, 'h-1', 'h-2'];
  const regions = [null, '', '15', '1525', '152502', '1501', '11'];
  const audiences = [null, [], ['kiosk'], ['tv'], ['kiosk', 'tv']];

  it('for every collection, device and combination of scope columns', async () => {
    const rows: Array<ScopeColumns & { id: string }> = [];
    let n = 0;
    for (const owner of owners)
      for (const household of households)
        for (const region of regions)
          for (const audience of audiences)
            rows.push({ id: `r${n++}`, owner, household, region, audiences: audience });
    await db.query(
      `create temporary table d as select * from jsonb_to_recordset($1::jsonb)
         as r(id text, owner_device_id text, household_id text, region_code text, audiences text[])`,
      [
        JSON.stringify(
          rows.map((r) => ({
            id: r.id,
            owner_device_id: r.owner,
            household_id: r.household,
            region_code: r.region,
            audiences: r.audiences,
          })),
        ),
      ],
    );
    for (const collection of COLLECTION_NAMES) {
      for (const device of devices) {
        const params: unknown[] = [];
        const condition = scopeCondition(device, collection, params);
        const { rows: found } = await db.query<{ id: string }>(
          `select id from d where ${condition} order by id`,
          params,
        );
        const expected = rows
          .filter((r) => visibleTo(device, collection, r))
          .map((r) => r.id)
          .sort();
        expect(found.map((r) => r.id).sort(), `${collection} for ${device.id}`).toEqual(expected);
      }
    }
  });
});
