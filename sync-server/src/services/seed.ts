/**
 * `--seed-sample`: on an empty database, the sample stations and the content pack
 * (assets/content/content.json and directory.json, arrays of schema-valid documents). A
 * missing pack file seeds nothing of it and says so; an invalid one is refused whole.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../db/database';
import { publishDocuments, type PublishableCollection } from './publish';
import { addStation, type Station } from './stations';
import { addUser } from './users';

/**
 * SAMPLE demo account of the staff console, made only with --seed-sample on an empty database
 * (`npm start` on this machine). A real center never seeds: it creates its first admin with
 * `npm run admin -- add-user <name> --role admin`. scripts/start.mjs prints these two values.
 */
export const DEMO_ADMIN = { name: 'demo-admin', password: 'demo-admin-2026' } as const;

/** Sample stations (real places, made-up stations) so enrollment works out of the box. */
export const SAMPLE_STATIONS: readonly Station[] = [
  {
    id: 'station-xilinhot-baiyinxile',
    name: '白音锡勒公共法律服务工作站（示例）',
    regionCode: '152502',
  },
  { id: 'station-hohhot-xincheng', name: '新城区公共法律服务工作站（示例）', regionCode: '150102' },
  { id: 'station-ordos-dongsheng', name: '东胜区公共法律服务工作站（示例）', regionCode: '150602' },
  {
    id: 'station-hulunbuir-xinbaerhuzuoqi',
    name: '新巴尔虎左旗公共法律服务工作站（示例）',
    regionCode: '150726',
  },
];

const PACK_FILES: ReadonlyArray<readonly [PublishableCollection, string]> = [
  ['content', 'content.json'],
  ['directory', 'directory.json'],
];

export async function seedSample(db: Database, contentDir: string): Promise<string[]> {
  const log: string[] = [];
  const { rows } = await db.query<{ stations: number; published: number }>(
    "select (select count(*)::int from stations) as stations, (select count(*)::int from documents where collection in ('content', 'directory')) as published",
  );
  const counts = rows[0]!;
  if (counts.stations > 0 || counts.published > 0) {
    log.push('seed: database not empty, nothing seeded');
    return log;
  }
  for (const station of SAMPLE_STATIONS) {
    const added = await addStation(db, station);
    if (!added.ok) throw new Error(`seed station ${station.id}: ${added.error.message}`);
  }
  log.push(`seed: ${SAMPLE_STATIONS.length} sample stations`);
  const admin = await addUser(db, { ...DEMO_ADMIN, role: 'admin' }, { name: 'seed' });
  if (!admin.ok) throw new Error(`seed demo admin: ${admin.error.message}`);
  log.push(`seed: staff console demo admin "${DEMO_ADMIN.name}" (sample account)`);
  for (const [collection, file] of PACK_FILES) {
    const path = join(contentDir, file);
    if (!existsSync(path)) {
      log.push(`seed: ${path} not found, no ${collection} seeded`);
      continue;
    }
    let docs: unknown;
    try {
      docs = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      log.push(`seed: ${path} is not JSON (${(error as Error).message}), no ${collection} seeded`);
      continue;
    }
    if (!Array.isArray(docs)) {
      log.push(`seed: ${path} is not an array, no ${collection} seeded`);
      continue;
    }
    const published = await publishDocuments(db, collection, docs, 'seed');
    log.push(
      published.ok
        ? `seed: ${published.value.count} ${collection} documents from ${path}`
        : `seed: ${path} refused: ${published.error.message}`,
    );
  }
  return log;
}
