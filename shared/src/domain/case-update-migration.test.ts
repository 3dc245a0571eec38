import { describe, expect, it } from 'vitest';
import { migrateCaseUpdateToV1 } from './case-update-migration';
import { caseUpdateSchema } from './schemas/case-updates';
import { validateDocument } from './validate';
import { sampleTrackingCode } from '../testing/sample-documents';

/** A case update as servers wrote them before v1 (schemaVersion 0, free-text reason only). */
const V0 = {
  id: '01JDQ7V0000000000000000000',
  schemaVersion: 0,
  createdAt: '2026-11-21T02:00:00.000Z',
  updatedAt: '2026-11-21T02:00:00.000Z',
  kind: 'status',
  caseKind: 'applications',
  caseId: '01JDQ7A0000000000000000000',
  trackingCode: sampleTrackingCode(),
  deviceId: 'kiosk-baiyinxile-01',
  stationId: 'station-xilinhot-baiyinxile',
  status: 'needs_materials',
  reason: { text: '请补充劳动合同', language: 'zh-Hans' },
  serverTime: '2026-11-21T02:00:00.000Z',
} as const;

describe('case_updates v0 → v1', () => {
  it('keeps every field and stamps the version the schema now has', () => {
    expect(caseUpdateSchema.version).toBe(1);
    const migrated = migrateCaseUpdateToV1({ ...V0 });
    expect(migrated).toEqual({ ...V0, schemaVersion: 1 });
  });

  it('gives a document the v1 schema accepts', () => {
    const checked = validateDocument('case_updates', migrateCaseUpdateToV1({ ...V0 }));
    expect(checked.ok, JSON.stringify(checked)).toBe(true);
  });
});
