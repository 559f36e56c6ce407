#!/usr/bin/env node
// postinstall: two guards in postgres.js (3.4.9), each found by test/fault when backends were terminated
// under load, each a crash of the whole server process that no caller can catch. Upstream fixes are
// proposed, not released. Idempotent; a release that changed a line is left alone with a warning (the
// fault suite and test/integration/db would show if a defect came back).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PATCHES = [
  {
    // A small write is flushed on a setImmediate; when the backend dies first closed() nulls the socket and
    // the immediate throws a TypeError (porsager/postgres#1154, #1208). The guard rejects the query with
    // the driver's own CONNECTION_CLOSED instead, which callers already handle.
    name: 'nextWrite on a closed socket',
    original: '  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)',
    patched:
      '  function nextWrite(fn) {\n' +
      '    if (!socket) { // bazaar: scripts/patch-postgres.mjs\n' +
      '      chunk = nextWriteTimer = null\n' +
      "      error(Errors.connection('CONNECTION_CLOSED', options))\n" +
      '      return false\n' +
      '    }\n' +
      '    const x = socket.write(chunk, fn)',
  },
  {
    // A new connection's first query fetches the server's array types from the socket callback, which
    // drops the promise: when the server refuses that query (a backend terminated during start-up,
    // statement_timeout, pg_cancel_backend) the rejection is unhandled and Node exits (porsager/postgres
    // #1192, #1205, #1223). Nothing is lost by settling it here: a closed connection fails its queued
    // queries and reconnects (which fetches the types again), an open one goes on to the caller's query.
    name: 'fetchArrayTypes promise dropped',
    original: '        return fetchArrayTypes()\n',
    patched: '        return fetchArrayTypes().catch(() => {}) // bazaar: scripts/patch-postgres.mjs\n',
  },
];

const root = join(import.meta.dirname, '..', 'node_modules', 'postgres');
for (const build of ['src', 'cjs/src', 'cf/src']) {
  const file = join(root, build, 'connection.js');
  if (!existsSync(file)) continue;
  let text = readFileSync(file, 'utf8');
  for (const patch of PATCHES) {
    if (text.includes(patch.patched)) continue;
    if (!text.includes(patch.original)) {
      console.warn(`patch-postgres: ${build}/connection.js: "${patch.name}" not found; left as it is`);
      continue;
    }
    text = text.replace(patch.original, patch.patched);
    console.log(`patch-postgres: ${patch.name}: guarded in postgres/${build}/connection.js`);
  }
  writeFileSync(file, text);
}
