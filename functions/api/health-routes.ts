import { Hono } from 'hono';
import type { AccountStatus } from '../core/payments/chain-reader';

/** One dependency's check: resolves when it answered, throws when it did not. */
export type HealthCheck = () => Promise<void>;

export interface HealthProbe {
  database: HealthCheck;
  /** How many migrations this code expects that the database has not applied. */
  pendingMigrations: () => Promise<number>;
  /** A cheap indexer call. */
  chain: HealthCheck;
  /** The merchant account's state on the chain (uninit / active / frozen / nonexist). */
  merchantAccount: () => Promise<AccountStatus>;
  /** Bot API getMe (cached by the probe); null when no bot is configured (dev mode, BOT_ID only). */
  bot: HealthCheck | null;
}

export type CheckResult = { ok: true; state: 'ok'; ms: number } | { ok: false; state: 'down' | 'timeout'; ms: number } | { ok: true; state: 'not_configured' };

/** Whether the database has the schema this code expects (`npm run db:migrate` was run). */
export type SchemaResult = { ok: true; state: 'ok' } | { ok: false; state: 'migrations_pending'; pending: number } | { ok: false; state: 'unknown' };

/** How long one check may take before the answer says `timeout`: monitors poll with short deadlines. */
export const HEALTH_CHECK_TIMEOUT_MS = 3_000;

/**
 * Each dependency's state: `status` is `ok` when all answer, else `degraded`, and the answer is 503 when
 * the database is down or lacks migrations (nothing works then; a load balancer should take the
 * instance out), 200 otherwise.
 * It never says why a check failed beyond `down`/`timeout`: error text can carry hosts, URLs with keys
 * or tokens, and this route is public.
 */
export function healthRoutes(deps: { probe: HealthProbe; devMode: boolean; version: string; timeoutMs?: number }) {
  const app = new Hono();
  app.get('/', async (c) => {
    const timeoutMs = deps.timeoutMs ?? HEALTH_CHECK_TIMEOUT_MS;
    let merchantStatus: AccountStatus | 'unknown' = 'unknown';
    const [database, chain, bot] = await Promise.all([
      runCheck(deps.probe.database, timeoutMs),
      runCheck(deps.probe.chain, timeoutMs),
      deps.probe.bot ? runCheck(deps.probe.bot, timeoutMs) : ({ ok: true, state: 'not_configured' } as const),
      runCheck(async () => {
        merchantStatus = await deps.probe.merchantAccount();
      }, timeoutMs),
    ]);
    const schema = database.ok ? await checkSchema(deps.probe, timeoutMs) : ({ ok: false, state: 'unknown' } as const);
    const status = database.ok && schema.ok && chain.ok && bot.ok ? 'ok' : 'degraded';
    c.header('Cache-Control', 'no-store');
    return c.json(
      // The merchant account's state is information, not health: an uninit wallet receives payments.
      { status, checks: { database, schema, chain, bot }, merchantAccount: { status: merchantStatus }, devMode: deps.devMode, version: deps.version },
      database.ok && schema.ok ? 200 : 503,
    );
  });
  return app;
}

async function checkSchema(probe: HealthProbe, timeoutMs: number): Promise<SchemaResult> {
  let pending = -1;
  const check = await runCheck(async () => {
    pending = await probe.pendingMigrations();
  }, timeoutMs);
  if (!check.ok || pending < 0) return { ok: false, state: 'unknown' };
  return pending === 0 ? { ok: true, state: 'ok' } : { ok: false, state: 'migrations_pending', pending };
}

async function runCheck(check: HealthCheck, timeoutMs: number): Promise<CheckResult> {
  const started = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const outcome = await Promise.race([check().then(() => 'ok' as const), timedOut]);
    const ms = Date.now() - started;
    return outcome === 'ok' ? { ok: true, state: 'ok', ms } : { ok: false, state: 'timeout', ms };
  } catch {
    return { ok: false, state: 'down', ms: Date.now() - started };
  } finally {
    clearTimeout(timer);
  }
}
