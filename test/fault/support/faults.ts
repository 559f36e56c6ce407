import postgres from 'postgres';
import { after } from './fault-proxy';

/** How long a hung indexer call stays silent: past the reader's 8 s request timeout (indexer-http.ts). */
export const INDEXER_HANG_MS = 9_000;

export const INDEXER_FAULTS = ['http_500', 'timeout', 'truncated_page', 'reordered_page'] as const;
export type IndexerFault = (typeof INDEXER_FAULTS)[number];

/**
 * What a failing toncenter v3 does to a call: `{ "error": … }` with a 500; no answer at all until long after
 * the client gave up; a page of transactions cut short (fewer rows than the limit, as if the list ended
 * there); a page in another order than asked. The page faults apply only to answers that carry a page
 * with a row to cut, or two to reorder.
 */
export async function injectIndexerFault(kind: IndexerFault, upstream: () => Promise<Response>): Promise<Response | null> {
  if (kind === 'http_500') return Response.json({ error: 'internal server error' }, { status: 500 });
  if (kind === 'timeout') return after(INDEXER_HANG_MS, Response.json({ error: 'gateway timeout' }, { status: 504 }));
  const real = await upstream();
  if (!real.ok) return null;
  const body = (await real.json()) as { transactions?: unknown[] };
  const rows = body.transactions;
  // Cutting needs a row to cut (one row cut to none reads as "the list ends here"); reordering needs two.
  if (!Array.isArray(rows) || rows.length < (kind === 'truncated_page' ? 1 : 2)) return null;
  const page = kind === 'truncated_page' ? rows.slice(0, Math.floor(rows.length / 2)) : [...rows].reverse();
  return Response.json({ ...body, transactions: page });
}

export const BOT_FAULTS = ['http_500', 'too_many_requests'] as const;
export type BotFault = (typeof BOT_FAULTS)[number];

/** Telegram's own error answers (core.telegram.org/bots/api#making-requests): a 500, or a 429 asking to wait. */
export async function injectBotFault(kind: BotFault): Promise<Response> {
  if (kind === 'http_500') return Response.json({ ok: false, error_code: 500, description: 'Internal Server Error' }, { status: 500 });
  return Response.json(
    { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } },
    { status: 429, headers: { 'retry-after': '1' } },
  );
}

export interface BackendKiller {
  /** Backends terminated so far. */
  killed: number;
  /** Terminates every backend of the database at random moments, `minMs`–`maxMs` apart, until stopped. */
  start(random: () => number, minMs: number, maxMs: number): void;
  stop(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Kills the shop's database sessions on the real PostgreSQL server, as a failover, an OOM kill or an
 * administrator would: `pg_terminate_backend` on each backend connected to `database` (SQLSTATE 57P01 for
 * whatever it was running). Runs from the admin database, so it never kills itself.
 */
export function createBackendKiller(adminUrl: string, database: string): BackendKiller {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  let running: Promise<void> | null = null;
  let stopping = false;
  const killer: BackendKiller = {
    killed: 0,
    start(random, minMs, maxMs) {
      stopping = false;
      running = (async () => {
        while (!stopping) {
          await after(minMs + random() * (maxMs - minMs), undefined);
          if (stopping) break;
          const rows = await admin`select pg_terminate_backend(pid) as ok from pg_stat_activity where datname = ${database} and pid <> pg_backend_pid()`;
          killer.killed += rows.filter((row) => row.ok === true).length;
        }
      })();
    },
    async stop() {
      stopping = true;
      await running;
      running = null;
    },
    close: () => admin.end({ timeout: 5 }),
  };
  return killer;
}
