import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const SERVER_URL = process.env.DATABASE_URL;

// A new postgres.js connection first asks the server for its array types (fetch_types). The driver
// starts that query from its socket callback and drops its promise, so when the server refuses it
// (statement_timeout, pg_cancel_backend, a backend terminated during start-up) the rejection reaches no
// one, and Node exits on it: porsager/postgres#1192, #1205, #1223. scripts/patch-postgres.mjs settles it.
// Run in a child process, as a server runs: a process-wide unhandled rejection is what is under test.
const CHILD = `
import postgres from 'postgres';
let answered = 0, refused = 0;
for (let i = 0; i < 10; i++) {
  // A 1 ms statement_timeout from the start-up packet cancels the driver's own type query every time.
  const sql = postgres(process.env.URL, { max: 1, onnotice: () => {}, connection: { statement_timeout: 1 } });
  try { await sql\`select 1\`; answered++; } catch { refused++; }
  await sql.end({ timeout: 1 });
}
await new Promise((resolve) => setTimeout(resolve, 200));
console.log(JSON.stringify({ answered, refused }));
`;

describe.skipIf(!SERVER_URL)('the PostgreSQL driver when a new connection’s start-up query fails', () => {
  it('keeps the process alive: the failure is an answer to a query at most, never an unhandled rejection', () => {
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD], {
      cwd: process.cwd(),
      env: { ...process.env, URL: SERVER_URL },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(child.stderr).not.toMatch(/unhandled|PostgresError|Node\.js v/i);
    expect(child.status).toBe(0);
    const { answered, refused } = JSON.parse(child.stdout.trim()) as { answered: number; refused: number };
    expect(answered + refused).toBe(10);
  });
});
