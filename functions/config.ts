import { z } from 'zod';
import { TELEGRAM_PUBLIC_KEY_HEX } from './core/init-data/check-init-data';
import { tryRawAddress } from './core/payments/chain-address';
import { MESSENGERS } from './core/messenger/messengers';
import { isPaymentAsset, isPricingCurrency, PRICING_CURRENCIES, type PaymentAsset, type PricingCurrency } from './core/pricing/currencies';
import { toleranceFromPercent } from './core/pricing/payment-tolerance';
import { MAINNET_USDT_MASTER } from './core/payments/usdt-master';

/**
 * A comma-separated list of messenger ids, kept as text (core/messenger/messenger-id.ts): Telegram's are
 * integers (a group's or channel's negative), another messenger's may be any short word.
 */
function idList(what: string) {
  return z
    .string()
    .regex(/^\s*[A-Za-z0-9_-]{1,64}(\s*,\s*[A-Za-z0-9_-]{1,64})*\s*$/, `must be ${what} separated by commas`)
    .transform((v) => v.split(',').map((id) => id.trim()));
}

const flag = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  // As the provider shows it: `channel_binding` is dropped, `?pgbouncer=true` (a transaction-mode
  // pooler: Supabase's port 6543, PgBouncer) turns prepared statements off (adapters/db/postgres-url.ts).
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  // Serverless hosts only (Workers, Vercel, Netlify): `neon` speaks to DATABASE_URL over Neon's WebSocket.
  DATABASE_DRIVER: z.enum(['postgres', 'neon']).default('postgres'),
  DATA_DIR: z.string().min(1).default('.data'),
  BOT_TOKEN: z
    .string()
    .regex(/^\d+:[A-Za-z0-9_-]{20,}$/, 'must look like 123456:ABC… (from @BotFather)')
    .optional(),
  BOT_ID: z.coerce.number().int().positive().optional(),
  TELEGRAM_ENV: z.enum(['production', 'test']).default('production'),
  INIT_DATA_MAX_AGE_SECONDS: z.coerce.number().int().positive().default(86_400),
  ORDER_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(7 * 86_400)
    .default(1800),
  ORDER_SWEEP_INTERVAL_SECONDS: z.coerce.number().int().positive().default(30),
  CRON_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  PUBLIC_URL: z.string().url().optional(),
  SHOP_NAME: z.string().min(1).default('Bazaar demo shop'),
  DEMO_CATALOG: flag.default(true),
  STATIC_DIR: z.string().min(1).default('dist'),
  TON_NETWORK: z.enum(['mainnet', 'testnet', 'local']).default('local'),
  // Parsed here, checksum included: a mistyped address would otherwise fail every request later.
  MERCHANT_ADDRESS: z
    .string()
    .min(48)
    .refine((v) => tryRawAddress(v) !== null, 'is not a valid TON address (copy it from the wallet app)')
    .optional(),
  TON_INDEXER: z.enum(['toncenter', 'tonapi']).default('toncenter'),
  TON_INDEXER_URL: z.string().url().optional(),
  TON_API_KEY: z.string().min(1).optional(),
  RECONCILE_INTERVAL_SECONDS: z.coerce.number().positive().optional(),
  // What the merchant prices in (issue 13): TON, USDT or a fiat currency; checkout quotes it in each accepted
  // asset. Products saved in another currency are not sold until repriced (README, Choosing the currency).
  PRICING_CURRENCY: z
    .string()
    .transform((v) => v.trim().toUpperCase())
    .refine(isPricingCurrency, `must be one of ${PRICING_CURRENCIES.join(', ')}`)
    .transform((v) => v as PricingCurrency)
    .default('TON'),
  // What the shop takes (issue 13): TON, USDT (the TEP-74 jetton) or both.
  ACCEPTED_ASSETS: z
    .string()
    .transform((v) => [...new Set(v.split(',').map((a) => a.trim().toUpperCase()))])
    .refine((list) => list.length > 0 && list.every(isPaymentAsset), 'must be TON, USDT or TON,USDT')
    .transform((list) => list as PaymentAsset[])
    .default(['TON']),
  // Whose USDT counts: only notifications from the jetton wallet this master gives the merchant pay.
  USDT_MASTER: z
    .string()
    .min(48)
    .refine((v) => tryRawAddress(v) !== null, 'is not a valid TON address (the jetton master, e.g. from tonviewer.com)')
    .optional(),
  // "0.5" lets a payment 0.5 % under its quote pay the order (a wallet that rounds); 0 by default.
  PAYMENT_TOLERANCE_PERCENT: z
    .string()
    .refine((v) => toleranceFromPercent(v) !== null, 'must be a percent from 0 to 100 with at most 2 decimals, e.g. 0.5')
    .transform((v) => toleranceFromPercent(v)!)
    .default(0),
  // A CoinGecko demo-plan key (x-cg-demo-api-key) for the USDT quotes; without one the keyless public API is asked.
  COINGECKO_API_KEY: z.string().min(1).optional(),
  // The bot (issue #5): webhook secret, Bot API location, who hears of new orders.
  WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,256}$/, 'must be 16–256 characters of A-Z, a-z, 0-9, _ and - (Telegram allows only these)')
    .optional(),
  // Which messenger the bot lives in (#16): Telegram, or Bale, whose bot API has Telegram's shape at
  // tapi.bale.ai (docs/messengers.md). BOT_API_URL, when set, wins over the messenger's address.
  MESSENGER: z.enum(MESSENGERS).default('telegram'),
  BOT_API_URL: z.string().url().optional(),
  BOT_USERNAME: z
    .string()
    .regex(/^@?[A-Za-z][A-Za-z0-9_]{3,31}$/, 'must be the bot’s username, e.g. bazaar_shop_bot')
    .transform((v) => v.replace(/^@/, ''))
    .optional(),
  // The Mini App's short name from BotFather's /newapp: links that open a product become
  // t.me/<bot>/<name>?startapp=…; without it they use the bot's Main Mini App (t.me/<bot>?startapp=…).
  MINI_APP_NAME: z
    .string()
    .regex(/^[A-Za-z0-9_]{3,30}$/, 'must be the Mini App’s short name from BotFather (/newapp), e.g. shop')
    .optional(),
  MERCHANT_CHAT_IDS: idList('chat ids').optional(),
  // The shop's channels (#16): the admin posts products there. Channel ids look like -1001234567890
  // (forward a channel post to @userinfobot, or read it from getUpdates once the bot is an admin there).
  // On Telegram they start with -100 (checked in loadConfig: other messengers number channels their own way).
  SHOP_CHANNEL_IDS: idList('channel ids like -1001234567890').optional(),
  OUTBOX_INTERVAL_SECONDS: z.coerce.number().positive().default(5),
  // Web sign-in (issue #6). Sessions are server-side rows (docs/decisions/0005), so SESSION_SECRET does not
  // sign sessions; it signs digital products' download links when set (else the bot token does); SESSION_TTL_SECONDS is how long a sign-in lasts.
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SESSION_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(300)
    .max(90 * 86_400)
    .default(30 * 86_400),
  // Uploaded images (issue #5/#7): a folder on Node, or the database where there is no disk.
  BLOB_STORE: z.enum(['folder', 'database', 's3']).default('folder'),
  MEDIA_DIR: z.string().min(1).optional(),
  // BLOB_STORE=s3: any S3-compatible bucket (AWS S3, R2's S3 API, B2, Supabase Storage, MinIO), path-style.
  // Plain http only to this machine (a local MinIO): keys and images never cross a network in the clear.
  S3_ENDPOINT: z
    .string()
    .url()
    .refine((v) => /^https:\/\//.test(v) || /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?(\/|$)/.test(v), 'must be an https:// URL')
    .optional(),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a bucket name (3–63 of a-z, 0-9, . and -)')
    .optional(),
  S3_REGION: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'must be a region such as auto or eu-central-1')
    .default('auto'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  // Web Push on the web storefront (#16): the shop's VAPID key pair from `npm run push:keys` (secrets, the
  // private key above all: whoever holds it can push to every subscribed browser) and a contact for the
  // push services. All three or none: without them push is off and the rest of the shop works.
  VAPID_PUBLIC_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{86,88}$/, 'must be the base64url public key printed by npm run push:keys')
    .optional(),
  VAPID_PRIVATE_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{42,44}$/, 'must be the base64url private key printed by npm run push:keys')
    .optional(),
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:\S+@\S+|https:\/\/\S+)$/, 'must be a mailto: address or an https: URL where push services can reach the shop')
    .optional(),
  // Production applies migrations with `npm run db:migrate`; the Node server does it on start by default.
  MIGRATE_ON_START: flag.default(true),
  ADMIN_IDS: idList('user ids').optional(),
});

export type Env = z.infer<typeof envSchema>;

/** How the server checks who is calling. */
export type AuthConfig =
  | { mode: 'bot-token'; botToken: string }
  | { mode: 'third-party'; botId: number; publicKeyHex: string }
  /** No bot configured: a random local token is made at start and used to sign a dev user's initData. */
  | { mode: 'dev' };

export interface Config {
  env: Env;
  auth: AuthConfig;
  database: { driver: 'postgres'; url: string } | { driver: 'pglite'; dataDir: string };
  /** The bucket for uploaded images, set exactly when BLOB_STORE=s3. */
  s3?: S3Config;
  /** Web Push's VAPID keys, set exactly when all three VAPID_* are. */
  vapid?: VapidConfig;
  payments: PaymentSettings;
}

/** What the shop is paid in and how strictly (ACCEPTED_ASSETS, USDT_MASTER, PAYMENT_TOLERANCE_PERCENT). */
export interface PaymentSettings {
  /** PRICING_CURRENCY: what prices, totals, fees and fixed discounts count in. */
  pricingCurrency: PricingCurrency;
  accepted: PaymentAsset[];
  /**
   * The USDT jetton master, any address form: USDT_MASTER, else the mainnet master on mainnet; null with
   * TON_NETWORK=local and none set, where the dev chain's own dev USDT is the master.
   */
  usdtMaster: string | null;
  /** Out of 10,000 of a quote (core/pricing/payment-tolerance.ts). */
  toleranceBasisPoints: number;
}

/** The shop's VAPID identity (RFC 8292): functions/adapters/push/web-push-sender.ts. */
export interface VapidConfig {
  publicKey: string;
  privateKey: string;
  subject: string;
}

/** An S3-compatible bucket: functions/adapters/blob/s3-blob-store.ts. */
export interface S3Config {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Bazaar cannot start; fix these settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export interface LoadConfigOptions {
  /**
   * Whether this entry can run dev mode (default true: its conditions are checked here). Entries that
   * never do (the serverless ones, bot:setup) pass false: they refuse a missing bot themselves, in one
   * list with their other problems (platforms/shared/serverless-settings.ts), which dev mode's conditions
   * would cut short and misname.
   */
  devModePossible?: boolean;
}

/** Reads every setting once, at start-up; refuses to start with a list of every bad variable. */
export function loadConfig(source: Record<string, string | undefined>, { devModePossible = true }: LoadConfigOptions = {}): Config {
  // Empty strings (FOO= in a .env file) mean "not set".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const env = parsed.data;
  const auth: AuthConfig = env.BOT_TOKEN
    ? { mode: 'bot-token', botToken: env.BOT_TOKEN }
    : env.BOT_ID
      ? { mode: 'third-party', botId: env.BOT_ID, publicKeyHex: TELEGRAM_PUBLIC_KEY_HEX[env.TELEGRAM_ENV] }
      : { mode: 'dev' };
  const problems: string[] = [];
  if (env.TON_NETWORK !== 'local' && !env.MERCHANT_ADDRESS) {
    problems.push(`MERCHANT_ADDRESS: required with TON_NETWORK=${env.TON_NETWORK} (the wallet that receives payments)`);
  }
  if (env.TON_NETWORK === 'testnet' && env.ACCEPTED_ASSETS.includes('USDT') && !env.USDT_MASTER) {
    problems.push('USDT_MASTER: required with ACCEPTED_ASSETS including USDT on testnet (testnet has no official USDT: the master of the test jetton you use)');
  }
  if (env.MESSENGER === 'telegram') {
    const notChannels = (env.SHOP_CHANNEL_IDS ?? []).filter((id) => !/^-100\d{6,}$/.test(id));
    if (notChannels.length > 0) problems.push(`SHOP_CHANNEL_IDS: ${notChannels.join(', ')} is not a Telegram channel id (they look like -1001234567890)`);
    const notIds = [...(env.ADMIN_IDS ?? []), ...(env.MERCHANT_CHAT_IDS ?? [])].filter((id) => !/^-?\d+$/.test(id));
    if (notIds.length > 0) problems.push(`ADMIN_IDS, MERCHANT_CHAT_IDS: ${notIds.join(', ')} is not a Telegram id (a number)`);
  }
  if (auth.mode === 'dev' && devModePossible) problems.push(...devModeProblems(env));
  const vapid = vapidConfigOf(env, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  const database = env.DATABASE_URL ? ({ driver: 'postgres', url: env.DATABASE_URL } as const) : ({ driver: 'pglite', dataDir: env.DATA_DIR } as const);
  const s3 = env.BLOB_STORE === 's3' ? s3ConfigOf(env) : undefined;
  return { env, auth, database, ...(s3 && { s3 }), ...(vapid && { vapid }), payments: paymentSettingsOf(env) };
}

function paymentSettingsOf(env: Env): PaymentSettings {
  return {
    pricingCurrency: env.PRICING_CURRENCY,
    accepted: env.ACCEPTED_ASSETS,
    usdtMaster: env.USDT_MASTER ?? (env.TON_NETWORK === 'mainnet' ? MAINNET_USDT_MASTER : null),
    toleranceBasisPoints: env.PAYMENT_TOLERANCE_PERCENT,
  };
}

// All three or none, like the bucket: half a key pair would fail at the first push instead of at start.
function vapidConfigOf(env: Env, problems: string[]): VapidConfig | undefined {
  const { VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey, VAPID_SUBJECT: subject } = env;
  if (publicKey && privateKey && subject) return { publicKey, privateKey, subject };
  const given = { VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey, VAPID_SUBJECT: subject };
  if (Object.values(given).some(Boolean)) {
    for (const [name, value] of Object.entries(given))
      if (!value) problems.push(`${name}: required with the other VAPID_* settings (npm run push:keys prints them)`);
  }
  return undefined;
}

const DEV_MODE = 'dev mode (no BOT_TOKEN, no BOT_ID) signs every visitor in as one demo customer, an admin unless ADMIN_IDS is set, so it';
const SET_A_BOT = 'set BOT_TOKEN (from @BotFather) or BOT_ID';

/**
 * Why dev mode may not run with these settings (docs/decisions/0004): it is for trying the shop on this
 * machine, so only on the local dev chain, listening on loopback, with no public address. Part of
 * loadConfig, so no entry can start it anywhere else.
 */
function devModeProblems(env: Env): string[] {
  const problems: string[] = [];
  if (env.TON_NETWORK !== 'local') {
    problems.push(`TON_NETWORK=${env.TON_NETWORK}: ${DEV_MODE} runs only with TON_NETWORK=local; ${SET_A_BOT} to take real payments`);
  }
  if (!isLoopbackHost(env.HOST)) {
    problems.push(`HOST=${env.HOST}: ${DEV_MODE} listens only on 127.0.0.1, ::1 or localhost; ${SET_A_BOT} to serve other machines`);
  }
  if (env.PUBLIC_URL) {
    problems.push(`PUBLIC_URL: ${DEV_MODE} is for this machine only, and PUBLIC_URL is an address for others to reach; ${SET_A_BOT}, or unset PUBLIC_URL`);
  }
  return problems;
}

/** The interfaces only this machine can reach, the only ones dev mode may listen on. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

/** Whether `host` (a HOST value) is this machine only. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host.toLowerCase());
}

/**
 * The shop's own address, from the settings alone: ton_proof's domain is its host, the session cookie's
 * same-origin check and Secure flag use its origin and scheme, the TON Connect manifest names it.
 * PUBLIC_URL when set; else, for a server listening on loopback, that listen address (the real port when
 * PORT=0), since only this machine can reach it; else null, and those features refuse to run. Never a
 * request's Host, which the client chooses: a ton_proof signed for a phishing site would sign in.
 * @returns the URL without a trailing slash, or null
 */
export function shopUrlOf(env: Pick<Env, 'PUBLIC_URL'>, listening?: { host: string; port: number }): string | null {
  if (env.PUBLIC_URL) return new URL(env.PUBLIC_URL).href.replace(/\/+$/, '');
  if (listening && isLoopbackHost(listening.host)) return listenUrl(listening.host, listening.port);
  return null;
}

/** `http://host:port`, an IPv6 host in brackets. */
export function listenUrl(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

// All four together or none: a bucket half-configured would fail at the first upload instead of at start.
function s3ConfigOf(env: Env): S3Config {
  const { S3_ENDPOINT: endpoint, S3_BUCKET: bucket, S3_ACCESS_KEY_ID: accessKeyId, S3_SECRET_ACCESS_KEY: secretAccessKey } = env;
  if (endpoint && bucket && accessKeyId && secretAccessKey) return { endpoint, bucket, region: env.S3_REGION, accessKeyId, secretAccessKey };
  const missing = Object.entries({ S3_ENDPOINT: endpoint, S3_BUCKET: bucket, S3_ACCESS_KEY_ID: accessKeyId, S3_SECRET_ACCESS_KEY: secretAccessKey })
    .filter(([, value]) => !value)
    .map(([name]) => `${name}: required with BLOB_STORE=s3`);
  throw new ConfigError(missing);
}
