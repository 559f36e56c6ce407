import type { AccountStatus, ChainReader } from '../core/payments/chain-reader';
import type { BotApi } from '../core/telegram/bot-api';
import type { HealthCheck, HealthProbe } from './health-routes';

/** How long a good getMe answer stands: Telegram limits calls, and monitors poll every few seconds. */
export const BOT_CHECK_CACHE_SECONDS = 60;

// No indexer has a transaction whose in-message hash is all zeros: a lookup by it is an indexed read that
// answers "none" at once, so it measures the indexer without loading it.
const NO_SUCH_MESSAGE_HASH = '0'.repeat(64);

/** The checks behind GET /api/health, over the app's own database, chain reader and bot. */
export function createHealthProbe(input: {
  pingDatabase: () => Promise<void>;
  pendingMigrations: () => Promise<number>;
  chain: ChainReader;
  /** The merchant's receiving account (MERCHANT_ADDRESS). */
  merchantAddress: string;
  bot: BotApi | null;
  clock: () => Date;
}): HealthProbe {
  return {
    database: input.pingDatabase,
    pendingMigrations: input.pendingMigrations,
    chain: async () => {
      await input.chain.findTransactionByInMessageHash(NO_SUCH_MESSAGE_HASH);
    },
    merchantAccount: cachedStatus(() => input.chain.getAccountStatus(input.merchantAddress), input.clock),
    bot: input.bot ? cachedWhileGood(() => input.bot!.getMe().then(() => undefined), input.clock) : null,
  };
}

/** Answers from memory for a while after a success; a failure is asked again next time, to see recovery. */
function cachedWhileGood(check: HealthCheck, clock: () => Date): HealthCheck {
  let goodUntilMs = 0;
  return async () => {
    if (clock().getTime() < goodUntilMs) return;
    await check();
    goodUntilMs = clock().getTime() + BOT_CHECK_CACHE_SECONDS * 1000;
  };
}

/** The account's status from memory for a while after it was read: monitors poll often, it rarely changes. */
function cachedStatus(read: () => Promise<AccountStatus>, clock: () => Date): () => Promise<AccountStatus> {
  let cached: { status: AccountStatus; untilMs: number } | null = null;
  return async () => {
    if (cached && clock().getTime() < cached.untilMs) return cached.status;
    const status = await read();
    cached = { status, untilMs: clock().getTime() + BOT_CHECK_CACHE_SECONDS * 1000 };
    return status;
  };
}
