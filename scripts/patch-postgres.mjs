#!/usr/bin/env node
// postinstall: guards postgres.js (3.4.9) against writing to a socket that is already gone. A small write is
// flushed on a setImmediate; when the backend dies first (pg_terminate_backend, a failover, a pooler
// dropping the connection) closed() nulls the socket and the immediate throws a TypeError no caller can
// catch: the whole server process exits (found by test/fault; upstream porsager/postgres#1154, #1208, fix
// proposed in #1168/#1209, not released). The guard settles the write instead: the query is rejected with
// the driver's own CONNECTION_CLOSED, which callers already handle. Idempotent; a release that changed
// the line is left alone (the fault suite would show if the defect came back).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ORIGINAL = '  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)';
const GUARDED =
  '  function nextWrite(fn) {\n' +
  '    if (!socket) { // bazaar: scripts/patch-postgres.mjs\n' +
  '      chunk = nextWriteTimer = null\n' +
  "      error(Errors.connection('CONNECTION_CLOSED', options))\n" +
  '      return false\n' +
  '    }\n' +
  '    const x = socket.write(chunk, fn)';

const root = join(import.meta.dirname, '..', 'node_modules', 'postgres');
for (const build of ['src', 'cjs/src', 'cf/src']) {
  const file = join(root, build, 'connection.js');
  if (!existsSync(file)) continue;
  const text = readFileSync(file, 'utf8');
  if (text.includes(GUARDED)) continue;
  if (!text.includes(ORIGINAL)) {
    console.warn(`patch-postgres: ${build}/connection.js has no unguarded nextWrite; left as it is`);
    continue;
  }
  writeFileSync(file, text.replace(ORIGINAL, GUARDED));
  console.log(`patch-postgres: guarded nextWrite in postgres/${build}/connection.js`);
}
