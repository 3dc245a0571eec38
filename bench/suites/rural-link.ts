/**
 * First sync over a simulated rural link (issue 16, docs/decisions/0009-content-snapshots.md):
 * a loopback proxy between a fresh RxDB client and the server (in its own process, PGlite)
 * limits the bandwidth to 1 Mbit/s each way, adds 300 ms of round trip (150 ms each way, and one
 * round trip before a new connection carries data, as TCP's handshake costs) and cuts the
 * connection carrying the download once, midway. Measured, side by side:
 * - the snapshot path (one gzip file, resumed with a range request after the cut, then the
 *   delta pull) against its physical limit: the file's bytes / bandwidth + the round trips the
 *   protocol needs (connect, descriptor, file, reconnect + range request after the cut);
 * - the page-by-page pull of the same documents (gzip-encoded pages of 1,000) against the same
 *   limit, and against its own (its wire bytes / bandwidth + one round trip per page);
 * - bytes on the wire per document of both, against the snapshot file's bytes per document.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EnrollResponse } from '@pls/shared/protocol';
import type { SnapshotOutcome } from '@pls/shared/sync';
import { sampleContent } from '@pls/shared/testing';
import { openDatabase } from '../../sync-server/src/db/open-database';
import type { Database } from '../../sync-server/src/db/database';
import { enrollDevice, issueEnrollmentCode } from '../../sync-server/src/services/devices';
import { publishDocuments } from '../../sync-server/src/services/publish';
import { addStation } from '../../sync-server/src/services/stations';
import { startChildServer } from '../../sync-server/src/testing/child-server';
import { openTestDevice } from '../../sync-server/src/testing/devices';
import { result, type BenchResult, type RunOptions } from '../framework';

const BITS_PER_SECOND = 1_000_000;
const RTT_MS = 300;
const STATION = { id: 'station-rural', name: '基准测试站（农村链路）', regionCode: '152502' };

/** Sentences of the Legal Aid Law's kind, mixed per document so pages do not compress to nothing. */
const SENTENCES = [
  '农民工请求支付劳动报酬的，不受经济困难条件的限制。',
  '法律援助机构应当自收到申请之日起七日内进行审查。',
  '申请人对不予法律援助的决定有异议的，可以向设立该法律援助机构的司法行政部门提出。',
  '因见义勇为行为主张相关民事权益的，不受经济困难条件的限制。',
  '法律援助人员应当依法保守在提供法律援助过程中知悉的国家秘密、商业秘密和个人隐私。',
  '当事人以人民调解、仲裁等方式解决纠纷的，可以申请法律援助。',
];
const MN = 'ᠬᠠᠤᠯᠢ ᠶᠢᠨ ᠲᠤᠰᠠᠯᠠᠮᠵᠢ ᠶᠢᠨ ᠲᠤᠬᠠᠢ ᠬᠠᠤᠯᠢ ';

function ruralContent(i: number) {
  const zh = Array.from(
    { length: 24 },
    (_, k) => `${SENTENCES[(i * 7 + k * 3) % SENTENCES.length]}（第${i}条第${k + 1}款）`,
  ).join('');
  return sampleContent({
    id: `rural-${String(i).padStart(6, '0')}`,
    regionCode: i % 2 === 0 ? '15' : '1525',
    audiences: ['kiosk', 'tv'],
    title: { zh: `第${i}条：拖欠工资怎么办？`, mn: 'ᠴᠠᠯᠢᠩ ᠬᠥᠯᠥᠰᠦ', mnStatus: 'draft' },
    body: { zh, mn: MN.repeat(4 + (i % 5)), mnStatus: 'draft' },
    order: i,
  });
}

/**
 * One direction of the link, shared by every connection as one rural line is: pieces leave one
 * after another, each when the bits of the one before are through, and arrive half a round
 * trip later. A piece of a connection cut meanwhile never leaves (a real line carries nothing
 * of a closed connection), so a cut costs what was in flight, not what was queued.
 */
class Wire {
  private readonly queue: Array<{
    readonly piece: Buffer;
    readonly notBefore: number;
    readonly alive: () => boolean;
    readonly deliver: (piece: Buffer) => void;
  }> = [];
  private pumping = false;
  bytes = 0;

  send(piece: Buffer, notBefore: number, alive: () => boolean, deliver: (p: Buffer) => void) {
    this.queue.push({ piece, notBefore, alive, deliver });
    if (!this.pumping) this.pump();
  }

  private pump(): void {
    let next = this.queue.shift();
    while (next && !next.alive()) next = this.queue.shift();
    if (!next) {
      this.pumping = false;
      return;
    }
    this.pumping = true;
    const { piece, deliver } = next;
    const now = performance.now();
    const wait = Math.max(0, next.notBefore - now) + (piece.length * 8 * 1000) / BITS_PER_SECOND;
    this.bytes += piece.length;
    setTimeout(() => {
      setTimeout(() => deliver(piece), RTT_MS / 2);
      this.pump();
    }, wait);
  }
}

interface RuralLink {
  readonly url: string;
  readonly down: Wire;
  readonly up: Wire;
  /** Cut the connection that has carried `bytes` downstream, once. */
  cutAfter(bytes: number): void;
  readonly cuts: number;
  close(): Promise<void>;
}

async function startRuralLink(target: URL): Promise<RuralLink> {
  const down = new Wire();
  const up = new Wire();
  let cutAt = Number.POSITIVE_INFINITY;
  let cuts = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    sockets.add(client).add(upstream);
    // The handshake's round trip: nothing flows before it.
    const open = performance.now() + RTT_MS;
    let carried = 0;
    const alive = () => !client.destroyed && !upstream.destroyed;
    const slice = (chunk: Buffer, each: (piece: Buffer) => void) => {
      for (let at = 0; at < chunk.length; at += 4096) each(chunk.subarray(at, at + 4096));
    };
    client.on('data', (chunk: Buffer) =>
      slice(chunk, (piece) =>
        up.send(piece, open, alive, (p) => {
          if (!upstream.destroyed) upstream.write(p);
        }),
      ),
    );
    upstream.on('data', (chunk: Buffer) =>
      slice(chunk, (piece) =>
        down.send(piece, open, alive, (p) => {
          if (client.destroyed) return;
          carried += p.length;
          if (carried >= cutAt) {
            cutAt = Number.POSITIVE_INFINITY;
            cuts++;
            client.destroy();
            upstream.destroy();
            return;
          }
          client.write(p);
        }),
      ),
    );
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    down,
    up,
    cutAfter(bytes) {
      cutAt = bytes;
    },
    get cuts() {
      return cuts;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function enroll(db: Database, name: string): Promise<EnrollResponse> {
  const code = await issueEnrollmentCode(db, { kind: 'kiosk', stationId: STATION.id });
  if (!code.ok) throw new Error(code.error.message);
  const enrolled = await enrollDevice(db, { code: code.value.code, kind: 'kiosk', name });
  if (!enrolled.ok) throw new Error(enrolled.error.message);
  return enrolled.value;
}

interface FirstSync {
  readonly seconds: number;
  /** When the snapshot was downloaded, checked and parsed (before RxDB stores it). */
  readonly takenAt: number;
  readonly downBytes: number;
  readonly upBytes: number;
  readonly cuts: number;
  readonly outcome: SnapshotOutcome | undefined;
}

/** A fresh kiosk's first sync through a fresh rural link, to usable content (all N stored). */
async function firstSync(
  serverUrl: string,
  enrollment: EnrollResponse,
  count: number,
  snapshots: boolean,
  cutAfter: number,
): Promise<FirstSync> {
  const link = await startRuralLink(new URL(serverUrl));
  const device = await openTestDevice(link.url, enrollment, ['content']);
  try {
    link.cutAfter(cutAfter);
    let outcome: SnapshotOutcome | undefined;
    let takenAt = 0;
    const started = performance.now();
    const sync = await device.connect({
      streaming: false,
      snapshots,
      snapshotTaken: (_c, o) => {
        outcome = o;
        takenAt = (performance.now() - started) / 1000;
      },
      backoff: { baseMs: 250, capMs: 2000 },
    });
    await sync.awaitInSync();
    const stored = await device.db.content!.count().exec();
    const seconds = (performance.now() - started) / 1000;
    if (stored !== count) throw new Error(`first sync stored ${stored} of ${count} documents`);
    return {
      seconds,
      takenAt,
      downBytes: link.down.bytes,
      upBytes: link.up.bytes,
      cuts: link.cuts,
      outcome,
    };
  } finally {
    await device.close();
    await link.close();
  }
}

export async function run(options: RunOptions = {}): Promise<BenchResult[]> {
  const log = options.log ?? console.log;
  const note = options.note ?? console.log;
  // 20,000 documents at 1 Mbit/s are minutes per path: the full run uses 5,000, said below.
  const count = options.quick ? 1000 : 5000;
  const dataDir = mkdtempSync(join(tmpdir(), 'pls-rural-'));
  try {
    const db = await openDatabase({ kind: 'pglite', dataDir });
    await addStation(db, STATION);
    for (let i = 0; i < count; i += 1000) {
      const published = await publishDocuments(
        db,
        'content',
        Array.from({ length: Math.min(1000, count - i) }, (_, k) => ruralContent(i + k)),
        'bench',
      );
      if (!published.ok) throw new Error(published.error.message);
    }
    const viaSnapshot = await enroll(db, 'rural snapshot');
    const viaPages = await enroll(db, 'rural pages');
    await db.close();
    const server = await startChildServer({ DATA_DIR: dataDir, DATABASE_URL: '' });
    try {
      // The snapshot as the server holds it (built once per scope, before any box asks).
      const descriptor = (await (
        await fetch(`${server.url}/api/sync/content/snapshot`, {
          headers: { authorization: `Bearer ${viaSnapshot.token}` },
        })
      ).json()) as { size: number };
      const fileBytes = descriptor.size;
      const cut = Math.floor(fileBytes / 2);
      log(`rural link: ${count} documents, snapshot ${fileBytes} bytes, cut after ${cut} bytes`);
      const snap = await firstSync(server.url, viaSnapshot, count, true, cut);
      const pages = await firstSync(server.url, viaPages, count, false, cut);
      if (snap.outcome?.kind !== 'used')
        throw new Error('the snapshot path did not take the snapshot');
      const seconds = (bytes: number) => (bytes * 8) / BITS_PER_SECOND;
      // connect, descriptor, file, reconnect + range request after the cut (the delta pull
      // rides beside the download)
      const snapshotLimit = seconds(fileBytes) + (5 * RTT_MS) / 1000;
      const pageRequests = Math.ceil(count / 1000) + 1;
      // connect, one request per page (and the empty last one), reconnect + repeat after the cut
      const pagesLimit = seconds(pages.downBytes) + ((pageRequests + 3) * RTT_MS) / 1000;
      log(
        `snapshot path: ${snap.seconds.toFixed(1)} s (downloaded, checked and parsed at ${snap.takenAt.toFixed(1)} s), ${snap.downBytes} bytes down, ${snap.cuts} cut, ${snap.outcome.resumes} resume; ` +
          `pages: ${pages.seconds.toFixed(1)} s, ${pages.downBytes} bytes down, ${pages.cuts} cut`,
      );
      note(
        `rural link (1 Mbit/s, ${RTT_MS} ms RTT, one cut midway): ${count} documents, not 20,000 ` +
          '(at 1 Mbit/s each path would take minutes); the target is ruralLink.snapshot ratio ≤ 1.3. ' +
          'The snapshot was built before the clock started (once per scope, on the first request). ' +
          'Time to content includes RxDB storing the documents on this (shared) machine.',
      );
      return [
        result('ruralLink.snapshot.timeToContent', snap.seconds, 's', snapshotLimit),
        result('ruralLink.pages.timeToContent', pages.seconds, 's', snapshotLimit),
        result('ruralLink.pages.timeToContentOwnLimit', pages.seconds, 's', pagesLimit),
        result('ruralLink.snapshot.bytesPerDoc', snap.downBytes / count, 'B', fileBytes / count),
        result('ruralLink.pages.bytesPerDoc', pages.downBytes / count, 'B', fileBytes / count),
      ];
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const results = await run({
    quick: process.argv.includes('--quick'),
    note: (message) => console.log(`note: ${message}`),
  });
  console.table(results);
}
