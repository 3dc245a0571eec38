/**
 * Login clients for the console benchmark, in their own process (`node --import tsx
 * bench/suites/console-login-clients.ts <base url> <logins> <concurrency>`), so that the
 * health probe in the server's process measures the server and not these clients' own work.
 * Prints `ready` once connected, then one JSON line `{done, ms}` when every login finished.
 */
import { randomBytes } from 'node:crypto';

const [base, loginsArg, concurrencyArg] = process.argv.slice(2);
if (!base || !loginsArg || !concurrencyArg)
  throw new Error('usage: console-login-clients.ts <console api url> <logins> <concurrency>');
const logins = Number(loginsArg);
const concurrency = Number(concurrencyArg);

async function loginOnce(): Promise<void> {
  const s = await fetch(`${base}/session`);
  const cookie = s.headers.get('set-cookie')!.split(';')[0]!;
  const token = ((await s.json()) as { csrfToken: string }).csrfToken;
  await fetch(`${base}/login`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': token },
    // Unknown names: the per-account throttle is not what is measured; the hash still runs.
    body: JSON.stringify({
      name: `bench-${randomBytes(4).toString('hex')}`,
      password: 'bench password 0123',
    }),
  }).then((r) => r.arrayBuffer());
}

// One untimed request so the connection pool and the server's session path are warm.
await fetch(`${base}/session`).then((r) => r.arrayBuffer());
process.stdout.write('ready\n');
let started = 0;
let done = 0;
const t0 = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (started < logins) {
      started++;
      await loginOnce();
      done++;
    }
  }),
);
process.stdout.write(`${JSON.stringify({ done, ms: performance.now() - t0 })}\n`);
