/**
 * TV sync cost (docs/decisions/0004-tv-sync.md), against a real sync server in its own process
 * (PGlite, sample content pack) and a real replication client with the TV collection set:
 * - `tv.idleRound.bytes`: bytes on the wire (request + response, headers included) of one idle
 *   poll round of an up-to-date box (every pull collection, conditional, answered 304);
 *   reference: the same round without the conditional header (plain pulls from the same
 *   checkpoints, answered 200 with no documents) — what the poll costs without ETags;
 * - `tv.idleBox.bytesPerDay`: that round × the schedule's rounds per day; reference: a box that
 *   keeps the stream open all day, heartbeats only (the heartbeat interval the server announces
 *   in its `hello`, the heartbeat event size measured on the same stream);
 * - `tv.fleet.requestsPerSecond`: 1.8 M boxes × requests per idle round × rounds per day;
 *   reference: the same fleet always streaming, heartbeat events per second;
 * - `tv.switchOn.peakMinuteShare`: 20,000 boxes switched on in the same second, the busiest
 *   minute's share of their first contacts under the schedule; reference: the share without
 *   jitter (every box at once, 100 %).
 * Runs inside `npm run bench` or alone: `npx tsx bench/suites/tv.ts [--quick]`.
 */
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createLocalDatabase } from '@pls/shared/db';
import { encodeStreamEvent } from '@pls/shared/protocol';
import { startReplication, SYSTEM_CLOCK } from '@pls/shared/sync';
import { startSyncServer } from '../../e2e/support/server';
import { createSyncScheduler, DEFAULT_SCHEDULE } from '../../tv-client/src/sync/sync-schedule';
import { result, type BenchResult, type RunOptions } from '../framework';

const FLEET = 1_800_000;

/** Bytes of an HTTP/1.1 exchange as sent: request line and headers, response status, headers, body. */
async function measuredFetch(
  log: { bytes: number; requests: number },
  stripConditional: boolean,
): Promise<typeof fetch> {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const headers = new Headers(
      init?.headers ?? (input instanceof Request ? input.headers : undefined),
    );
    if (stripConditional) headers.delete('if-none-match');
    const response = await fetch(url, { ...init, headers });
    const body = new Uint8Array(await response.clone().arrayBuffer());
    let size =
      `${init?.method ?? 'GET'} ${url.pathname}${url.search} HTTP/1.1\r\nhost: ${url.host}\r\n`
        .length;
    headers.forEach((v, k) => (size += k.length + v.length + 4));
    size += `HTTP/1.1 ${response.status} ${response.statusText}\r\n`.length;
    response.headers.forEach((v, k) => (size += k.length + v.length + 4));
    log.bytes += size + 4 + body.byteLength;
    log.requests += 1;
    return response;
  }) as typeof fetch;
}

async function heartbeat(
  url: string,
  token: string,
): Promise<{ seconds: number; eventBytes: number }> {
  const controller = new AbortController();
  const response = await fetch(`${url}/api/sync/stream`, {
    headers: { authorization: `Bearer ${token}` },
    signal: controller.signal,
  });
  const reader = response.body!.getReader();
  let text = '';
  while (!text.includes('\n\n')) text += new TextDecoder().decode((await reader.read()).value);
  controller.abort();
  const hello = /data: (\{.*\})/.exec(text);
  const seconds = hello
    ? Number((JSON.parse(hello[1]!) as { heartbeatSeconds?: number }).heartbeatSeconds ?? 20)
    : 20;
  // A heartbeat event exactly as the server frames it (sync/change-feed.ts).
  const eventBytes = Buffer.byteLength(
    encodeStreamEvent({ type: 'heartbeat', serverTime: new Date().toISOString() }),
  );
  return { seconds, eventBytes };
}

export async function run(options: RunOptions = {}): Promise<BenchResult[]> {
  const log = options.log ?? console.log;
  const rounds = options.quick ? 3 : 10;
  const server = await startSyncServer();
  const results: BenchResult[] = [];
  try {
    const box = await server.enroll({
      kind: 'tv',
      householdId: 'household-bench-tv',
      regionCode: '152502',
    });
    const db = await createLocalDatabase({
      name: `bench-tv-${Date.now()}`,
      storage: getRxStorageMemory(),
      encryptionKey: 'bench-tv-key-0123456789',
      deviceKind: 'tv',
    });
    const conditional = { bytes: 0, requests: 0 };
    const plain = { bytes: 0, requests: 0 };
    let measuring: 'none' | 'conditional' | 'plain' = 'none';
    const counted = await measuredFetch(conditional, false);
    const stripped = await measuredFetch(plain, true);
    const sync = await startReplication({
      db,
      serverUrl: server.url,
      token: box.token,
      deviceId: box.deviceId,
      streaming: false,
      fetch: ((input: RequestInfo | URL, init?: RequestInit) =>
        measuring === 'conditional'
          ? counted(input, init)
          : measuring === 'plain'
            ? stripped(input, init)
            : fetch(input, init)) as typeof fetch,
    });
    await sync.awaitInSync();
    await sync.syncNow(); // the first idle round learns the ETags
    await new Promise((resolve) => setTimeout(resolve, 1000));
    log(
      `tv: up to date (${(await db.collections.content?.count().exec()) ?? 0} content documents)`,
    );
    // syncNow() resolves on the status; the round's pulls are done when no request follows.
    const settle = async (counter: { requests: number }) => {
      for (;;) {
        const before = counter.requests;
        await new Promise((resolve) => setTimeout(resolve, 400));
        if (counter.requests === before) return;
      }
    };
    for (let i = 0; i < rounds; i++) {
      measuring = 'conditional';
      await sync.syncNow();
      await settle(conditional);
      measuring = 'plain';
      await sync.syncNow();
      await settle(plain);
    }
    measuring = 'none';
    await sync.stop();
    await db.close();
    const roundBytes = conditional.bytes / rounds;
    const plainBytes = plain.bytes / rounds;
    const roundRequests = conditional.requests / rounds;
    results.push(result('tv.idleRound.bytes', roundBytes, 'B', plainBytes));
    const roundsPerDay = 86_400_000 / DEFAULT_SCHEDULE.pollIntervalMs;
    const beat = await heartbeat(server.url, box.token);
    const streamingDay = (86_400 / beat.seconds) * beat.eventBytes;
    results.push(result('tv.idleBox.bytesPerDay', roundBytes * roundsPerDay, 'B', streamingDay));
    results.push(
      result(
        'tv.fleet.requestsPerSecond',
        (FLEET * roundRequests * roundsPerDay) / 86_400,
        'req/s',
        FLEET / beat.seconds,
      ),
    );
    options.note?.(
      `tv: an idle round is ${roundRequests.toFixed(0)} requests; ${roundsPerDay} rounds a day; streaming reference = heartbeat every ${beat.seconds} s of ${beat.eventBytes} B (TCP/TLS overhead not counted on either side)`,
    );
  } finally {
    await server.stop();
  }

  // Switch-on herd: first contacts of boxes switched on in the same second.
  const boxes = options.quick ? 5_000 : 20_000;
  const perMinute = new Map<number, number>();
  let seed = 12345;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  for (let i = 0; i < boxes; i++) {
    const s = createSyncScheduler({
      port: { setStreaming: () => undefined, poll: async () => undefined },
      clock: SYSTEM_CLOCK,
      random,
      online: true,
    });
    const minute = Math.floor(((s.nextPollAt ?? 0) - Date.now()) / 60_000);
    perMinute.set(minute, (perMinute.get(minute) ?? 0) + 1);
    s.stop();
  }
  results.push(
    result(
      'tv.switchOn.peakMinuteShare',
      (100 * Math.max(...perMinute.values())) / boxes,
      '%',
      100,
    ),
  );
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = await run({ quick: process.argv.includes('--quick'), note: console.log });
  console.table(out);
}
