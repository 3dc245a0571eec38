// PouchDB peer of the sync bench's initial pull: loads the documents of the JSON file given as
// argument into an express-pouchdb server (own process, not timed), then times a fresh in-memory
// PouchDB replicating them from it. Prints {"docs": n, "seconds": s} as its last line.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import httpAdapter from 'pouchdb-adapter-http';
import memory from 'pouchdb-adapter-memory';
import PouchDB from 'pouchdb-core';
import replication from 'pouchdb-replication';

const documents = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const Pouch = PouchDB.plugin(memory).plugin(httpAdapter).plugin(replication);
const here = dirname(fileURLToPath(import.meta.url));
const server = spawn(process.execPath, [join(here, 'pouchdb-server.mjs')], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
try {
  const port = await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.stdout.once('data', (line) => resolve(JSON.parse(String(line)).port));
  });
  const remote = new Pouch(`http://127.0.0.1:${port}/content`);
  for (let i = 0; i < documents.length; i += 1000) {
    const written = await remote.bulkDocs(
      documents.slice(i, i + 1000).map(({ id, ...rest }) => ({ _id: id, ...rest })),
    );
    if (written.some((row) => row.error)) throw new Error('the peer server refused a document');
  }
  const local = new Pouch(`client-${Date.now()}`, { adapter: 'memory' });
  const started = performance.now();
  // The same page size as our client's pull (pullBatchSize 1000).
  const info = await local.replicate.from(remote, { batch_size: 1000 });
  const seconds = (performance.now() - started) / 1000;
  const stored = await local.info();
  if (!info.ok || stored.doc_count !== documents.length) {
    throw new Error(`the peer pulled ${stored.doc_count} of ${documents.length} documents`);
  }
  console.log(JSON.stringify({ docs: stored.doc_count, seconds }));
} finally {
  server.kill();
}
