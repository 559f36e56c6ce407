import { MESSENGER_TRAITS } from './core/messenger/messengers';
import { refuseUnverifiableLaunchData } from './core/init-data/unverifiable-launch-data';
import type { MessengerId } from './core/messenger/messenger-id';
import { createCatalogRepo } from './adapters/db/catalog-repo';
import type { DatabaseHandle } from './adapters/db/connect';
import { createCustomerRepo } from './adapters/db/customer-repo';
import { createSessionRepo } from './adapters/db/session-repo';
import { createTonProofPayloadRepo } from './adapters/db/ton-proof-repo';
import { createTonProofVerifier } from './core/auth/verify-ton-proof';
import { createOrderRepo } from './adapters/db/order-repo';
import { createPaymentRepo } from './adapters/db/payment-repo';
import { createStarsRepo } from './adapters/db/stars-repo';
import { createBotLookups } from './adapters/db/bot-lookups';
import { createOutboxRepo } from './adapters/db/outbox-repo';
import { createCartRepo } from './adapters/db/cart-repo';
import { createStockAlertRepo } from './adapters/db/stock-alert-repo';
import { createTelegramUpdateRepo } from './adapters/db/telegram-update-repo';
import { createConsoleBotApi } from './adapters/telegram/console-bot-api';
import { Address } from '@ton/core';
import { createHealthProbe } from './api/health-probe';
import { listPendingMigrations } from './adapters/db/migration-status';
import type { ChainReader } from './core/payments/chain-reader';
import type { BotApi } from './core/telegram/bot-api';
import { buildCommentPayload } from './core/payments/comment-payload';
import type { TonNetwork } from './core/payments/payment-intent';
import type { AppDeps } from './app';
import type { CryptoPort } from './core/crypto-port';
import { createInitDataVerifier } from './core/init-data/verify-init-data';
import { createLoginWidgetVerifier } from './core/init-data/login-widget';
import { isLoopbackHost, type AuthConfig } from './config';
import { composeAdminContext } from './compose-admin';
import type { BlobStore } from './core/media/blob-store';
import { createDigitalRepo } from './adapters/db/digital-repo';
import { createDownloadLinkSigner } from './core/digital/download-link';
import { encodeHex } from './core/init-data/encoding';
import type { PushSender } from './core/push/push-sender';
import { createPushSubscriptionRepo } from './adapters/db/push-subscription-repo';
import { createCatalogReads } from './api/catalog-reads';
import { createFixedRates } from './adapters/rates/fixed-rates';
import { createUsdtWallets } from './core/payments/usdt-wallets';
import type { PaymentAsset, PricingCurrency } from './core/pricing/currencies';
import { createRateBook, type RateBook } from './core/pricing/rate-book';

/**
 * Builds the app's dependencies from a database and settings. Shared by every platform entry and by the
 * tests, so what the tests exercise is what runs.
 */
export function composeAppDeps(input: {
  database: DatabaseHandle;
  auth: Exclude<AuthConfig, { mode: 'dev' }>;
  crypto: CryptoPort;
  clock?: () => Date;
  logger?: AppDeps['logger'];
  initDataMaxAgeSeconds: number;
  orderTtlSeconds: number;
  devMode: boolean;
  shop?: AppDeps['shop'];
  ton: { chain: ChainReader; merchantAddress: string; network: TonNetwork; devUsdtMaster?: (() => Promise<string>) | undefined };
  /**
   * What the shop is paid in (functions/config.ts, PaymentSettings) and the rates it quotes with. Default: TON
   * only, no tolerance, the fixed dev rates; the USDT master from the settings, else the dev chain's dev USDT.
   */
  pricing?: { currency?: PricingCurrency; accepted?: readonly PaymentAsset[]; toleranceBasisPoints?: number; usdtMaster?: string | null; rates?: RateBook };
  cronSecret?: string | undefined;
  adminIds?: readonly MessengerId[];
  /** The shop's bot, when one is configured (not in dev mode, nor with BOT_ID only). */
  bot?: BotApi | null;
  /**
   * The bot's other settings (BOT_USERNAME, WEBHOOK_SECRET, MERCHANT_CHAT_IDS). Without `bot`, messages
   * are printed with `consoleLog` (dev mode's console bot) and the webhook is off.
   */
  telegram?: {
    username?: string | undefined;
    webhookSecret?: string | undefined;
    merchantChatIds?: readonly MessengerId[] | undefined;
    consoleLog?: (line: string) => void;
  };
  /** Web sign-in settings (BOT_USERNAME for the Login Widget, SESSION_TTL_SECONDS). */
  webAuth?: { botUsername?: string | undefined; sessionTtlSeconds?: number; loginWidgetMaxAgeSeconds?: number };
  /** Where uploaded images go: the platform's store (a folder on Node), else the database. */
  blobs?: BlobStore;
  /**
   * Keep the catalog's answers gzipped too (the Node server, which compresses /api/* itself); serverless
   * hosts compress at their edge, so there the app sends them as they are.
   */
  precompressCatalog?: boolean;
  /**
   * What download links are signed with (SESSION_SECRET when set). Else the bot token, which every
   * instance of the shop shares; with neither, a random secret of this process (links then end with it,
   * and My orders makes new ones).
   */
  linkSecret?: string | undefined;
  /** Web Push: the VAPID public key and the sender; null or absent when push is off. */
  push?: { publicKey: string; sender: PushSender; allowLoopbackEndpoints?: boolean } | null;
}): AppDeps {
  const { db } = input.database;
  const usdtMaster = input.pricing?.usdtMaster ? () => Promise.resolve(input.pricing!.usdtMaster!) : input.ton.devUsdtMaster;
  const usdt = usdtMaster ? createUsdtWallets({ chain: input.ton.chain, master: usdtMaster, merchantAddress: input.ton.merchantAddress }) : null;
  const toleranceBasisPoints = input.pricing?.toleranceBasisPoints ?? 0;
  const pricingCurrency = input.pricing?.currency ?? 'TON';
  const tonProofPayloads = createTonProofPayloadRepo(db);
  const clock = input.clock ?? (() => new Date());
  const messenger = MESSENGER_TRAITS[input.shop?.messenger ?? 'telegram'];
  const verifyInitData = !messenger.verifiesLaunchData
    ? refuseUnverifiableLaunchData(messenger.displayName)
    : input.auth.mode === 'bot-token'
      ? createInitDataVerifier({
          kind: 'hmac',
          botToken: input.auth.botToken,
          crypto: input.crypto,
          maxAgeSeconds: input.initDataMaxAgeSeconds,
        })
      : createInitDataVerifier({
          kind: 'ed25519',
          botId: input.auth.botId,
          publicKeyHex: input.auth.publicKeyHex,
          crypto: input.crypto,
          maxAgeSeconds: input.initDataMaxAgeSeconds,
        });
  const catalog = createCatalogRepo(db, {
    currency: pricingCurrency,
    onCatalogChange: input.database.onCatalogChange,
    onLocalWrite: input.database.onLocalWrite,
  });
  return {
    catalog,
    catalogReads: createCatalogReads({ catalog, precompress: input.precompressCatalog ?? false }),
    customers: createCustomerRepo(db),
    push: {
      publicKey: input.push?.publicKey ?? null,
      sender: input.push?.sender ?? null,
      subscriptions: createPushSubscriptionRepo(db),
      // A shop on this machine only may take a local push service's http endpoint (pushRoutes).
      allowLoopbackEndpoints: input.push?.allowLoopbackEndpoints ?? isLoopbackShopUrl(input.shop?.url ?? null),
    },
    orders: createOrderRepo(db),
    verifyInitData,
    clock,
    probe: createHealthProbe({
      pingDatabase: () => input.database.ping(),
      pendingMigrations: async () => (await listPendingMigrations(db)).length,
      chain: input.ton.chain,
      merchantAddress: input.ton.merchantAddress,
      bot: input.bot ?? null,
      clock,
    }),
    logger: input.logger ?? { error: (message, error) => console.error(message, error) },
    orderTtlSeconds: input.orderTtlSeconds,
    devMode: input.devMode,
    shop: input.shop ?? { name: 'Bazaar', publicUrl: undefined, url: null },
    payments: {
      repo: createPaymentRepo(db, { merchantChatIds: input.telegram?.merchantChatIds ?? [], toleranceBasisPoints, usdt }),
      chain: input.ton.chain,
      merchant: merchantForms(input.ton.merchantAddress, input.ton.network),
      network: input.ton.network,
      indexerLagSeconds: input.ton.network === 'local' ? 0 : INDEXER_LAG_SECONDS,
      commentPayload: buildCommentPayload,
      accepted: input.pricing?.accepted ?? ['TON'],
      pricingCurrency,
      rates: input.pricing?.rates ?? createRateBook({ sources: [createFixedRates()] }),
      toleranceBasisPoints,
      usdt,
    },
    stars: createStarsRepo(db, { merchantChatIds: input.telegram?.merchantChatIds ?? [] }),
    digital: {
      repo: createDigitalRepo(db),
      signer: createDownloadLinkSigner({
        secret: input.linkSecret ?? (input.auth.mode === 'bot-token' ? input.auth.botToken : encodeHex(input.crypto.randomBytes(32))),
        crypto: input.crypto,
      }),
    },
    cronSecret: input.cronSecret,
    adminIds: input.adminIds ?? [],
    admin: composeAdminContext(db, {
      shopName: input.shop?.name ?? 'Bazaar',
      pricingCurrency,
      blobs: input.blobs,
      clock,
      refundWallet: { merchant: merchantForms(input.ton.merchantAddress, input.ton.network).raw, network: input.ton.network, usdt },
    }),
    bot: {
      api: input.bot ?? createConsoleBotApi(input.telegram?.consoleLog ?? ((line) => console.log(line))),
      live: Boolean(input.bot),
      username: input.telegram?.username,
      webhookSecret: input.telegram?.webhookSecret,
      outbox: createOutboxRepo(db),
      updates: createTelegramUpdateRepo(db),
      lookups: createBotLookups(db),
    },
    reminders: { carts: createCartRepo(db), stockAlerts: createStockAlertRepo(db) },
    webAuth: {
      sessions: createSessionRepo(db),
      crypto: input.crypto,
      sessionTtlSeconds: input.webAuth?.sessionTtlSeconds ?? 30 * 86_400,
      // Telegram signs Login Widget data with the shop's own bot token only: none in third-party mode, and
      // dev mode's made-up token is one Telegram has never seen; another messenger's token is no Telegram bot's.
      loginWidget:
        input.auth.mode === 'bot-token' && !input.devMode && messenger === MESSENGER_TRAITS.telegram
          ? {
              verify: createLoginWidgetVerifier({
                botToken: input.auth.botToken,
                crypto: input.crypto,
                maxAgeSeconds: input.webAuth?.loginWidgetMaxAgeSeconds ?? 86_400,
              }),
              botUsername: input.webAuth?.botUsername ?? null,
            }
          : null,
      tonProof: {
        payloads: tonProofPayloads,
        verify: createTonProofVerifier({
          crypto: input.crypto,
          payloads: tonProofPayloads,
          network: input.ton.network,
          // Only needed when a wallet shares no StateInit; readers without get-methods leave it out.
          ...(input.ton.chain.getWalletPublicKey && { lookupPublicKey: (address: string) => input.ton.chain.getWalletPublicKey!(address) }),
        }),
      },
    },
  };
}

/** How far behind the chain a public indexer may list a transaction (toncenter and tonapi: seconds, usually). */
const INDEXER_LAG_SECONDS = 30;

/**
 * The merchant address in the two forms the app uses. Wallets get the non-bounceable form (UQ…/0Q…), as
 * TON's address guidelines ask for wallet accounts, flagged test-only off mainnet.
 */
function merchantForms(address: string, network: TonNetwork) {
  const parsed = Address.parse(address.trim());
  return {
    raw: parsed.toRawString(),
    friendly: parsed.toString({ bounceable: false, testOnly: network !== 'mainnet', urlSafe: true }),
  };
}

/** The shop's own address is this machine only (a developer's, the tests'). */
function isLoopbackShopUrl(shopUrl: string | null): boolean {
  return shopUrl !== null && isLoopbackHost(new URL(shopUrl).hostname.replace(/^\[|\]$/g, ''));
}
