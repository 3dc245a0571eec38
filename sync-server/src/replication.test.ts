/**
 * The replication client (@pls/shared/sync) against a real server, on PGlite and PostgreSQL:
 * devices converge after being offline, the center's updates reach only their owner, and the
 * classic ways of losing or doubling data do neither.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asStationId, type CollectionName } from '@pls/shared/domain';
import type { EnrollResponse } from '@pls/shared/protocol';
import { computeOutbox, type OutboxItem, type SyncHandle } from '@pls/shared/sync';
import { sampleApplication, sampleFeedback, sampleQuestion } from '@pls/shared/testing';
import { firstValueFrom, filter } from 'rxjs';
import { runAdminCommand } from './cli/admin-commands';
import {
  databaseKinds,
  startTestServer,
  TEST_STATIONS,
  type TestServer,
} from './testing/test-server';
import { openTestDevice, type TestDevice } from './testing/devices';
import { storeAttachmentFile } from '@pls/shared/db';

const kinds = await databaseKinds();
const POLL = { timeout: 15_000, interval: 50 };

describe.each(kinds)('replication on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(async () => {
    await server?.close();
  });

  const admin = async (...argv: string[]) => {
    const out = await runAdminCommand(argv, {
      db: server.db,
      contentDir: '',
      now: () => new Date(),
      noteCommitted: (c, seq) => server.ctx.feed.noteCommitted(c, seq),
    });
    if (out.exitCode !== 0) throw new Error(out.output.join('\n'));
    return out.output;
  };
  /** What the center stores for one device: id → body, and how many rows per id. */
  const centerDocs = async (collection: CollectionName, deviceId: string) => {
    const { rows } = await server.db.query<{
      id: string;
      body: Record<string, unknown>;
      copies: number;
    }>(
      `select id, body, count(*) over (partition by id)::int as copies from documents where collection = $1 and owner_device_id = $2`,
      [collection, deviceId],
    );
    return rows;
  };
  const receiptsFor = async (caseId: string) =>
    (
      await server.db.query<{ n: number }>(
        "select count(*)::int as n from documents where collection = 'case_updates' and body->>'caseId' = $1 and body->>'kind' = 'received'",
        [caseId],
      )
    ).rows[0]!.n;
  const localCaseIds = async (device: TestDevice) =>
    new Set((await device.db.case_updates!.find().exec()).map((d) => d.caseId));
  const outboxOf = (sync: SyncHandle, predicate: (items: OutboxItem[]) => boolean) =>
    firstValueFrom(sync.outbox$.pipe(filter(predicate)));
  const kioskApp = (device: EnrollResponse, overrides = {}) =>
    sampleApplication({ deviceId: device.deviceId, stationId: device.stationId!, ...overrides });

  it('two kiosks and a TV written offline converge; center updates reach the owner only', async () => {
    const [a, b, tv] = [
      await server.enroll('kiosk', TEST_STATIONS.xilinhot.id),
      await server.enroll('kiosk', TEST_STATIONS.xilinhot.id),
      await server.enroll('tv', `household-${kind}-conv`),
    ];
    // Several device databases in one process must stay within RxDB's 13 open collections.
    const kioskA = await openTestDevice(server.url, a, [
      'applications',
      'questions',
      'case_updates',
      'device_config',
    ]);
    const kioskB = await openTestDevice(server.url, b, [
      'applications',
      'questions',
      'case_updates',
      'device_config',
    ]);
    const tvBox = await openTestDevice(server.url, tv, [
      'questions',
      'feedback',
      'case_updates',
      'device_config',
    ]);
    try {
      // Offline: every device writes.
      const appsA = [kioskApp(a), kioskApp(a)];
      const { householdId: _h, ...questionA } = sampleQuestion({
        deviceId: a.deviceId,
        source: 'kiosk',
        stationId: a.stationId!,
      });
      const appsB = [kioskApp(b)];
      const questionsTv = [
        sampleQuestion({ deviceId: tv.deviceId, householdId: tv.householdId! }),
        sampleQuestion({ deviceId: tv.deviceId, householdId: tv.householdId! }),
      ];
      const { stationId: _s, ...feedbackTv } = sampleFeedback({
        deviceId: tv.deviceId,
        source: 'tv',
        householdId: tv.householdId!,
      });
      await kioskA.db.applications!.bulkInsert(appsA);
      await kioskA.db.questions!.insert(questionA);
      await kioskB.db.applications!.bulkInsert(appsB);
      await tvBox.db.questions!.bulkInsert(questionsTv);
      await tvBox.db.feedback!.insert(feedbackTv);
      // A later edit while still offline: the center must end with this content.
      await kioskA.db
        .applications!.findOne(appsA[0]!.id)
        .exec()
        .then((d) => d!.incrementalPatch({ description: '离线时补充的说明' }));

      // Offline, the outbox lists everything as pending (nothing was ever pushed).
      const pendingBefore = await computeOutbox(kioskA.db, async () => new Set());
      expect(pendingBefore.map((i) => [i.id, i.state]).sort()).toEqual(
        [...appsA.map((x) => x.id), questionA.id].map((id) => [id, 'pending']).sort(),
      );

      // Reconnect, all at once.
      const [syncA, syncB, syncTv] = await Promise.all([
        kioskA.connect(),
        kioskB.connect(),
        tvBox.connect(),
      ]);

      // Every case gets its receipt back on its own device; the outboxes empty.
      const ownCases = [
        [kioskA, [...appsA.map((x) => x.id), questionA.id]],
        [kioskB, appsB.map((x) => x.id)],
        [tvBox, questionsTv.map((x) => x.id)],
      ] as const;
      for (const [device, ids] of ownCases) {
        await expect
          .poll(async () => [...(await localCaseIds(device))].sort(), POLL)
          .toEqual([...ids].sort());
      }
      for (const sync of [syncA, syncB, syncTv])
        await outboxOf(sync, (items) => items.length === 0);

      // The center has exactly one copy of each, with the last content.
      const storedA = await centerDocs('applications', a.deviceId);
      expect(storedA.map((r) => r.id).sort()).toEqual(appsA.map((x) => x.id).sort());
      expect(storedA.every((r) => r.copies === 1)).toBe(true);
      expect(storedA.find((r) => r.id === appsA[0]!.id)!.body['description']).toBe(
        '离线时补充的说明',
      );
      expect((await centerDocs('applications', b.deviceId)).map((r) => r.id)).toEqual(
        appsB.map((x) => x.id),
      );
      expect((await centerDocs('questions', tv.deviceId)).map((r) => r.id).sort()).toEqual(
        questionsTv.map((x) => x.id).sort(),
      );
      expect((await centerDocs('feedback', tv.deviceId)).map((r) => r.id)).toEqual([feedbackTv.id]);
      for (const id of [...appsA, ...appsB, ...questionsTv].map((x) => x.id))
        expect(await receiptsFor(id)).toBe(1);

      // Center updates while the devices are online: they arrive over the stream.
      await admin('case-status', appsA[1]!.trackingCode, 'under_review');
      await admin('answer', questionsTv[0]!.trackingCode, '--text', '可以到苏木司法所申请调解。');
      await expect
        .poll(
          async () =>
            (await kioskA.db.case_updates!.find({ selector: { caseId: appsA[1]!.id } }).exec())
              .map((u) => u.status)
              .sort(),
          POLL,
        )
        .toEqual(['received', 'under_review']);
      await expect
        .poll(
          async () =>
            (
              await tvBox.db
                .case_updates!.find({ selector: { caseId: questionsTv[0]!.id, kind: 'answer' } })
                .exec()
            ).length,
          POLL,
        )
        .toBe(1);

      // No leak: each device holds only its own cases' updates.
      await syncB.syncNow();
      expect([...(await localCaseIds(kioskB))].sort()).toEqual(appsB.map((x) => x.id).sort());
      expect([...(await localCaseIds(tvBox))].sort()).toEqual(questionsTv.map((x) => x.id).sort());
      expect((await kioskB.db.device_config!.find().exec()).map((d) => d.id)).toEqual([b.deviceId]);
      expect(syncA.status).toMatchObject({ kind: 'upToDate' });
    } finally {
      for (const d of [kioskA, kioskB, tvBox]) await d.close();
    }
  });

  it('a push whose answer was lost after the commit is not stored twice', async () => {
    const enrollment = await server.enroll('kiosk', TEST_STATIONS.hohhot.id);
    const device = await openTestDevice(server.url, enrollment, ['applications', 'case_updates']);
    try {
      let dropped = 0;
      const dropFirstAnswer: typeof fetch = async (input, init) => {
        const response = await fetch(input, init);
        if (String(input).includes('/push') && dropped === 0) {
          dropped++;
          // The server committed; the connection dies before the client reads the answer.
          throw new TypeError('connection reset after commit');
        }
        return response;
      };
      const apps = [kioskApp(enrollment), kioskApp(enrollment), kioskApp(enrollment)];
      await device.db.applications!.bulkInsert(apps);
      const sync = await device.connect({ fetch: dropFirstAnswer });
      await expect.poll(async () => (await localCaseIds(device)).size, POLL).toBe(3);
      expect(dropped).toBe(1);
      const stored = await centerDocs('applications', enrollment.deviceId);
      expect(stored).toHaveLength(3);
      for (const app of apps) expect(await receiptsFor(app.id)).toBe(1);
      await outboxOf(sync, (items) => items.length === 0);
    } finally {
      await device.close();
    }
  });

  it('two quick edits in a row: the center ends with the second (lost-update trap)', async () => {
    const enrollment = await server.enroll('kiosk', TEST_STATIONS.hohhot.id);
    const device = await openTestDevice(server.url, enrollment, ['applications', 'case_updates']);
    try {
      // Hold push answers a little so the edits land while a push is in flight.
      const slowPush: typeof fetch = async (input, init) => {
        const response = await fetch(input, init);
        if (String(input).includes('/push')) await new Promise((r) => setTimeout(r, 150));
        return response;
      };
      await device.connect({ fetch: slowPush });
      const app = kioskApp(enrollment);
      const doc = await device.db.applications!.insert(app);
      const first = await doc.incrementalPatch({
        description: '第一次修改',
        updatedAt: new Date().toISOString(),
      });
      await first.incrementalPatch({
        description: '第二次修改',
        updatedAt: new Date().toISOString(),
      });
      await device.sync!.awaitInSync();
      await expect
        .poll(
          async () =>
            (await centerDocs('applications', enrollment.deviceId))[0]?.body['description'],
          POLL,
        )
        .toBe('第二次修改');
      const local = (await device.db.applications!.findOne(app.id).exec())!.toJSON();
      const stored = (await centerDocs('applications', enrollment.deviceId))[0]!;
      expect(stored.copies).toBe(1);
      expect(stored.body).toEqual({ ...local, _deleted: false });
    } finally {
      await device.close();
    }
  });

  it('a client restarted mid-sync, and edited after the restart, converges to its last content', async () => {
    const enrollment = await server.enroll('kiosk', TEST_STATIONS.hohhot.id);
    const device = await openTestDevice(server.url, enrollment, ['applications', 'case_updates']);
    try {
      let release: () => void = () => undefined;
      let committed = false;
      // The server commits the push; the answer never comes back before the device dies.
      const hangAfterCommit: typeof fetch = async (input, init) => {
        const response = await fetch(input, init);
        if (String(input).includes('/push')) {
          committed = true;
          await new Promise<void>((r) => (release = r));
          throw new TypeError('device powered off');
        }
        return response;
      };
      const app = kioskApp(enrollment);
      await device.db.applications!.insert(app);
      await device.connect({ fetch: hangAfterCommit });
      await expect.poll(() => committed, POLL).toBe(true);
      const stopping = device.restart();
      release();
      await stopping;
      // After the restart the resident's case gets one more edit.
      await (await device.db.applications!.findOne(app.id).exec())!.incrementalPatch({
        description: '重启后补充',
      });
      await device.connect();
      await device.sync!.awaitInSync();
      await expect
        .poll(
          async () =>
            (await centerDocs('applications', enrollment.deviceId))[0]?.body['description'],
          POLL,
        )
        .toBe('重启后补充');
      expect(await centerDocs('applications', enrollment.deviceId)).toHaveLength(1);
      expect(await receiptsFor(app.id)).toBe(1);
      const local = (await device.db.applications!.findOne(app.id).exec())!.toJSON();
      expect(local.description).toBe('重启后补充');
    } finally {
      await device.close();
    }
  });

  it('a refused document is set aside with its reason; the rest of the outbox still flows', async () => {
    const enrollment = await server.enroll('kiosk', TEST_STATIONS.hohhot.id);
    const device = await openTestDevice(server.url, enrollment, ['applications', 'case_updates']);
    try {
      const good = kioskApp(enrollment);
      // Valid for the device's schema but not the center's rules: another station's id.
      const bad = kioskApp(enrollment, { stationId: TEST_STATIONS.xilinhot.id });
      await device.db.applications!.bulkInsert([bad, good]);
      const sync = await device.connect();
      const items = await outboxOf(
        sync,
        (list) => list.length === 1 && list[0]!.state === 'rejected',
      );
      expect(items[0]).toMatchObject({
        id: bad.id,
        state: 'rejected',
        rejection: { kind: 'not_owner' },
      });
      expect(await receiptsFor(good.id)).toBe(1);
      expect((await centerDocs('applications', enrollment.deviceId)).map((r) => r.id)).toEqual([
        good.id,
      ]);
      await expect
        .poll(() => sync.status, POLL)
        .toMatchObject({ kind: 'error', reason: 'rejected', rejectedCount: 1 });
      // Staff fix it: the corrected document goes through.
      await (await device.db.applications!.findOne(bad.id).exec())!.incrementalPatch({
        stationId: asStationId(TEST_STATIONS.hohhot.id),
      });
      await expect.poll(async () => receiptsFor(bad.id), POLL).toBe(1);
      await outboxOf(sync, (list) => list.length === 0);
      await expect.poll(() => sync.status.kind, POLL).toBe('upToDate');
    } finally {
      await device.close();
    }
  });

  it('uploads the photos of a pushed application; the outbox waits for them', async () => {
    const enrollment = await server.enroll('kiosk', TEST_STATIONS.hohhot.id);
    const device = await openTestDevice(server.url, enrollment, [
      'applications',
      'case_updates',
      'attachment_files',
    ]);
    try {
      const app = kioskApp(enrollment, { attachments: [] });
      const bytes = new TextEncoder().encode('JPEG '.repeat(2000));
      const meta = await storeAttachmentFile(device.db, {
        applicationId: app.id,
        kind: 'material_photo',
        mimeType: 'image/jpeg',
        bytes,
      });
      await device.db.applications!.insert({ ...app, attachments: [meta] });
      const sync = await device.connect();
      await expect
        .poll(
          async () => (await device.db.attachment_files!.findOne(meta.id).exec())?.uploadedAt,
          POLL,
        )
        .toEqual(expect.any(String));
      const stored = await server.db.query<{ size: number }>(
        'select size from attachments where sha256 = $1',
        [meta.sha256],
      );
      expect(stored.rows).toEqual([{ size: bytes.byteLength }]);
      await outboxOf(sync, (items) => items.length === 0);
    } finally {
      await device.close();
    }
  });

  it('never pushes a purged document, and reports a revoked device', async () => {
    const enrollment = await server.enroll('kiosk', TEST_STATIONS.hohhot.id);
    const device = await openTestDevice(server.url, enrollment, ['applications', 'case_updates']);
    try {
      const app = kioskApp(enrollment);
      await device.db.applications!.insert(app);
      const sync = await device.connect();
      await expect.poll(async () => (await localCaseIds(device)).has(app.id), POLL).toBe(true);
      // The purge after the retention window: PII removed, flag set. It must stay on the device.
      const doc = await device.db.applications!.findOne(app.id).exec();
      await doc!.incrementalModify((data) => {
        const { applicant: _gone, ...rest } = data;
        return { ...rest, piiPurgedAt: new Date().toISOString() };
      });
      await sync.awaitInSync();
      const stored = (await centerDocs('applications', enrollment.deviceId))[0]!;
      expect(stored.body['applicant']).toEqual(app.applicant);
      expect(stored.body['piiPurgedAt']).toBeUndefined();

      await admin('revoke', enrollment.deviceId);
      await expect
        .poll(() => sync.status, POLL)
        .toMatchObject({ kind: 'error', reason: 'revoked' });
    } finally {
      await device.close();
    }
  });

  it('sends the heartbeat with its pulls: outbox, versions, last sync reach the fleet list', async () => {
    const enrollment = await server.enroll('kiosk', TEST_STATIONS.hohhot.id);
    const device = await openTestDevice(server.url, enrollment, ['applications', 'case_updates']);
    try {
      const sync = await device.connect({ appVersion: '0.1.0', contentVersion: () => 'pack-3' });
      await sync.awaitInSync();
      const { listFleetDevices, ALL } = await import('./services/fleet');
      const listed = async () => {
        // Each pull carries the heartbeat as it is then; the server writes them in batches.
        await sync.syncNow();
        await server.ctx.auth.flush();
        return (await listFleetDevices(server.db, ALL)).find((d) => d.id === enrollment.deviceId);
      };
      await expect
        .poll(listed, POLL)
        .toMatchObject({ appVersion: '0.1.0', contentVersion: 'pack-3', outboxDepth: 0 });
      expect((await listed())!.syncLagSeconds).not.toBeNull();
    } finally {
      await device.close();
    }
  });
});
