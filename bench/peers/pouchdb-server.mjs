// The PouchDB peer's server: express-pouchdb on the in-memory adapter, in its own process (as
// our sync server runs in its own). Prints {"port": n} on its first line when it listens.
import express from 'express';
import expressPouchDB from 'express-pouchdb';
import httpAdapter from 'pouchdb-adapter-http';
import memory from 'pouchdb-adapter-memory';
import PouchDB from 'pouchdb-core';
import replication from 'pouchdb-replication';

const Pouch = PouchDB.plugin(memory)
  .plugin(httpAdapter)
  .plugin(replication)
  .defaults({ adapter: 'memory' });
const app = express();
app.use(
  '/',
  expressPouchDB(Pouch, { mode: 'minimumForPouchDB', inMemoryConfig: true, logPath: '/dev/null' }),
);
const server = app.listen(0, '127.0.0.1', () => {
  console.log(JSON.stringify({ port: server.address().port }));
});
