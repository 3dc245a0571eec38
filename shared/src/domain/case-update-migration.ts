/**
 * case_updates v0 → v1. A v0 update is valid v1 as it stands (every v1 field is optional and
 * the v0 statuses are all still in the table), so the step only stamps the version. It is one
 * pure function used by the devices' RxDB migration (shared/src/db/migrations.ts) and by the
 * server's migration of the stored documents, so both sides agree on the result.
 */
export function migrateCaseUpdateToV1<T extends { schemaVersion: number }>(
  doc: T,
): T & { schemaVersion: 1 } {
  return { ...doc, schemaVersion: 1 };
}
