import type { MessengerId } from '../../core/messenger/messenger-id';
import type { DatabaseHandle } from '../../adapters/db/connect';
import { createBotApiClient } from '../../adapters/telegram/bot-api-client';
import { MESSENGER_TRAITS } from '../../core/messenger/messengers';
import { createApp, type App, type AppDeps } from '../../app';
import { composeAppDeps } from '../../compose';
import { ConfigError, shopUrlOf, type AuthConfig, type Config, type VapidConfig } from '../../config';
import type { PushSender } from '../../core/push/push-sender';
import type { CryptoPort } from '../../core/crypto-port';
import type { BlobStore } from '../../core/media/blob-store';
import type { TonParts } from './chain-from-env';
import { BOT_REQUIRED } from './serverless-settings';
import { ratesFromEnv } from './rates-from-env';

/** What a platform entry provides; everything else comes from the settings. */
export interface PlatformParts {
  database: DatabaseHandle;
  crypto: CryptoPort;
  ton: TonParts;
  /**
   * Who signs initData. Defaults to the configured bot; only the Node server passes its own, to run
   * dev mode with a token made at start (functions/platforms/node/dev-mode.ts).
   */
  auth?: Exclude<AuthConfig, { mode: 'dev' }>;
  devMode?: boolean;
  logger?: AppDeps['logger'];
  clock?: () => Date;
  /** How the Bot API is reached: the global fetch unless a test passes the fake's. */
  botFetch?: typeof fetch;
  /** Where uploaded images go: the Node server's folder (BLOB_STORE=folder); the database when absent. */
  blobs?: BlobStore;
  /** Overrides ADMIN_IDS: the Node server makes dev mode's demo user an admin when none are set. */
  adminIds?: readonly MessengerId[];
  /**
   * Where the server listens (the Node server only; the real port when PORT=0): without PUBLIC_URL, a
   * loopback listen address is the shop's own address (config.ts, shopUrlOf).
   */
  listening?: { host: string; port: number };
  /** The Node server compresses /api/* itself, so the catalog's kept answers are gzipped once (AppDeps). */
  precompressCatalog?: boolean;
  /**
   * Makes the Web Push sender from the VAPID keys (adapters/push/web-push-sender.ts, Node crypto). Absent
   * on a platform that cannot run it (Workers): push is off there, whatever the settings say.
   */
  createPushSender?: (vapid: VapidConfig) => PushSender;
}

export interface Shop {
  app: App;
  deps: AppDeps;
}

/**
 * The app over settings read once by loadConfig (functions/config.ts) and the parts a platform
 * provides. Every entry goes through here: Node, Cloudflare, Vercel and Netlify differ only in those
 * parts (driver, crypto, chain transport), never in what the app is made of.
 */
export function createAppFromEnv(config: Config, parts: PlatformParts): Shop {
  const { env } = config;
  const auth = parts.auth ?? requireBot(config.auth);
  const devMode = parts.devMode ?? false;
  // Dev mode's made-up token is one Telegram has never seen: no bot then, as with BOT_ID only.
  const bot =
    auth.mode === 'bot-token' && !devMode
      ? createBotApiClient({
          token: auth.botToken,
          baseUrl: env.BOT_API_URL ?? MESSENGER_TRAITS[env.MESSENGER].botApiUrl,
          ...(parts.botFetch && { fetch: parts.botFetch }),
        })
      : null;
  const deps = composeAppDeps({
    database: parts.database,
    auth,
    crypto: parts.crypto,
    ...(parts.clock && { clock: parts.clock }),
    ...(parts.logger && { logger: parts.logger }),
    initDataMaxAgeSeconds: env.INIT_DATA_MAX_AGE_SECONDS,
    orderTtlSeconds: env.ORDER_TTL_SECONDS,
    devMode,
    shop: {
      name: env.SHOP_NAME,
      publicUrl: env.PUBLIC_URL,
      url: shopUrlOf(env, parts.listening),
      miniAppName: env.MINI_APP_NAME,
      channelIds: env.SHOP_CHANNEL_IDS ?? [],
      messenger: env.MESSENGER,
    },
    ton: parts.ton,
    pricing: {
      currency: config.payments.pricingCurrency,
      accepted: config.payments.accepted,
      toleranceBasisPoints: config.payments.toleranceBasisPoints,
      usdtMaster: config.payments.usdtMaster,
      rates: ratesFromEnv(env),
    },
    cronSecret: env.CRON_SECRET,
    linkSecret: env.SESSION_SECRET,
    adminIds: parts.adminIds ?? env.ADMIN_IDS ?? [],
    ...(parts.blobs && { blobs: parts.blobs }),
    ...(parts.precompressCatalog && { precompressCatalog: true }),
    bot,
    telegram: { username: env.BOT_USERNAME, webhookSecret: env.WEBHOOK_SECRET, merchantChatIds: env.MERCHANT_CHAT_IDS ?? [] },
    webAuth: { botUsername: env.BOT_USERNAME, sessionTtlSeconds: env.SESSION_TTL_SECONDS },
    push: config.vapid && parts.createPushSender ? { publicKey: config.vapid.publicKey, sender: parts.createPushSender(config.vapid) } : null,
  });
  return { app: createApp(deps), deps };
}

/** Dev mode (no bot configured) signs a demo customer in: only the Node server may do that. */
function requireBot(auth: AuthConfig): Exclude<AuthConfig, { mode: 'dev' }> {
  if (auth.mode === 'dev') {
    throw new ConfigError([BOT_REQUIRED]);
  }
  return auth;
}
