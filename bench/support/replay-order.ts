// Replays the statements one captured order ran (bench/support/pg-capture-proxy.ts) as a plain postgres.js
// client: the same SQL text, in the same transactions, sent together where the shop sent them together, with the values that belong to one order (ids, the
// customer, codes, times) made fresh each time. Which values those are is learnt by comparing two
// captured orders of two customers: what differs between them is per order. A value the database made
// (a returned id) is followed: where the captured order used it later, the replay uses the one its own
// statement returned.
import { randomUUID } from 'node:crypto';
import type postgres from 'postgres';
import type { CapturedStatement } from './pg-capture-proxy';

export interface OrderTemplate {
  statements: CapturedStatement[];
  /** Values (parameters or answered cells) of the first capture that differ in the second. */
  perOrder: Set<string>;
  capturedAtMs: number;
}

/** Statements of postgres.js's own (type lookups on a new connection), not of the order. */
const DRIVER_OWN = /pg_catalog\.pg_type/;

/** The statements in waves (sent together), each wave in query order: two captures then line up to compare. */
function normalized(statements: CapturedStatement[]): CapturedStatement[] {
  const own = statements.filter((s) => !DRIVER_OWN.test(s.query));
  const waves: CapturedStatement[][] = [];
  for (const statement of own) {
    const last = waves.at(-1);
    if (last && last[0]!.wave === statement.wave) last.push(statement);
    else waves.push([statement]);
  }
  return waves.flatMap((wave) => [...wave].sort((x, y) => (x.query < y.query ? -1 : x.query > y.query ? 1 : 0)));
}

export function templateOf(first: CapturedStatement[], second: CapturedStatement[], capturedAtMs: number): OrderTemplate {
  const a = normalized(first);
  const b = normalized(second);
  if (a.length !== b.length || a.some((s, i) => s.query !== b[i]!.query)) {
    const list = (l: CapturedStatement[]) => l.map((s) => `  ${s.wave} ${s.query.slice(0, 80)}`).join('\n');
    throw new Error(`two orders ran different statements: cannot make a template\n${list(a)}\nvs\n${list(b)}`);
  }
  const perOrder = new Set<string>();
  a.forEach((s, i) => {
    const other = b[i]!;
    s.params.forEach((value, j) => {
      if (value !== null && value !== other.params[j]) perOrder.add(value);
    });
    s.rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null && value !== other.rows[r]?.[c]) perOrder.add(value);
      }),
    );
  });
  // Replayed in the order the shop sent them (within a wave too: an order's lines after the order).
  return { statements: first.filter((s) => !DRIVER_OWN.test(s.query)), perOrder, capturedAtMs };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INTEGER = /^\d+$/;
const TIMESTAMP = /^\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d/;
let nextInteger = 9_000_000_000;

function randomLike(value: string): string {
  const pool = /^[A-Z0-9]+$/.test(value) ? 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789' : 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(value, (ch) => (/[A-Za-z0-9]/.test(ch) ? pool[Math.floor(Math.random() * pool.length)]! : ch)).join('');
}

/** One order's replay: `sql` is a pool the size of the server's. Resolves when its last statement ended. */
export async function replayOrder(sql: postgres.Sql, template: OrderTemplate): Promise<void> {
  const fresh = new Map<string, string>();
  const shiftMs = Date.now() - template.capturedAtMs;
  const valueFor = (value: string | null): string | null => {
    if (value === null || !template.perOrder.has(value)) return value;
    const known = fresh.get(value);
    if (known !== undefined) return known;
    let made: string;
    if (UUID.test(value)) made = randomUUID();
    else if (INTEGER.test(value)) made = String(nextInteger++);
    else if (TIMESTAMP.test(value)) made = new Date(new Date(value).getTime() + shiftMs).toISOString();
    else {
      // A text holding other per-order values (the customer's JSON holds their id): those replaced.
      let replaced = value;
      for (const [from, to] of fresh) replaced = replaced.split(from).join(to);
      made = replaced !== value ? replaced : randomLike(value);
    }
    fresh.set(value, made);
    return made;
  };
  // Transactions stay on one connection each, as in the capture (a reserved connection from the pool).
  // Statements the shop sent together (one wave) are sent together here too, in the same order.
  const open = new Map<number, postgres.ReservedSql>();
  const run = async (statement: CapturedStatement, runner: postgres.Sql | postgres.ReservedSql) => {
    const params = statement.params.map((value, i) => {
      const text = valueFor(value);
      const type = statement.types[i] ?? 0;
      return type && text !== null ? sql.typed(text as never, type) : text;
    });
    const rows = (await runner.unsafe(statement.query, params as never[]).raw()) as unknown as (Buffer | null)[][];
    statement.rows.forEach((row, r) =>
      row.forEach((captured, c) => {
        const answered = rows[r]?.[c];
        if (captured !== null && template.perOrder.has(captured) && answered) fresh.set(captured, answered.toString('utf8'));
      }),
    );
  };
  try {
    const statements = template.statements;
    for (let start = 0; start < statements.length;) {
      let end = start + 1;
      while (end < statements.length && statements[end]!.wave === statements[start]!.wave) end++;
      const wave = statements.slice(start, end);
      start = end;
      const running: Promise<void>[] = [];
      for (const statement of wave) {
        const reserved = open.get(statement.connection);
        const begins = /^\s*begin\b/i.test(statement.query);
        let runner: postgres.Sql | postgres.ReservedSql = reserved ?? sql;
        if (begins && !reserved) {
          const connection = await sql.reserve();
          open.set(statement.connection, connection);
          runner = connection;
        }
        running.push(run(statement, runner));
      }
      await Promise.all(running);
      for (const statement of wave) {
        const reserved = open.get(statement.connection);
        if (reserved && /^\s*(commit|rollback)\b/i.test(statement.query)) {
          reserved.release();
          open.delete(statement.connection);
        }
      }
    }
  } finally {
    for (const reserved of open.values()) {
      await reserved.unsafe('rollback').catch(() => {});
      reserved.release();
    }
  }
}
