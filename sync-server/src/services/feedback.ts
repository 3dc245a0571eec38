/**
 * Satisfaction ratings received from devices, for the center (admin CLI now, the console
 * later). A rating holds no personal data: service, faces, tags, station, language, and the
 * case's tracking code when one was rated.
 */
import type { Queryable } from '../db/database';

export interface FeedbackRecord {
  readonly deviceId: string;
  readonly stationId: string | undefined;
  readonly service: string;
  readonly rating: number;
  readonly tags: readonly string[];
  readonly language: string;
  readonly trackingCode: string | undefined;
  readonly createdAt: string;
}

interface FeedbackRow {
  readonly body: string | Record<string, unknown>;
}

export async function listFeedback(
  db: Queryable,
  filter: { deviceId?: string } = {},
): Promise<FeedbackRecord[]> {
  const { rows } = await db.query<FeedbackRow>(
    `select body from documents
      where collection = 'feedback' and ($1::text is null or owner_device_id = $1)
      order by seq`,
    [filter.deviceId ?? null],
  );
  return rows.map(({ body }) => {
    // Stored as json text; the push path validated it against the feedback schema.
    const doc = (typeof body === 'string' ? JSON.parse(body) : body) as Record<string, unknown>;
    const text = (key: string) => (typeof doc[key] === 'string' ? doc[key] : undefined);
    return {
      deviceId: text('deviceId') ?? '',
      stationId: text('stationId'),
      service: text('service') ?? '',
      rating: typeof doc['rating'] === 'number' ? doc['rating'] : 0,
      tags: Array.isArray(doc['tags']) ? doc['tags'].filter((t) => typeof t === 'string') : [],
      language: text('language') ?? '',
      trackingCode: text('trackingCode'),
      createdAt: text('createdAt') ?? '',
    };
  });
}
