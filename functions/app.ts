import type { Messenger } from './core/messenger/messengers';
import type { MessengerId } from './core/messenger/messenger-id';
import { Hono } from 'hono';
import { catalogRoutes } from './api/catalog-routes';
import type { CatalogReads } from './api/catalog-reads';
import { adminRoutes } from './api/admin-routes';
import type { AdminContext } from './api/admin/admin-context';
import { authRoutes } from './api/auth-routes';
import { tonProofRoutes } from './api/ton-proof-routes';
import { cronRoutes } from './api/cron-routes';
import { healthRoutes, type HealthProbe } from './api/health-routes';
import type { PaymentContext } from './api/payment-context';
import type { BotContext } from './api/bot-context';
import { webhookRoutes } from './api/webhook-routes';
import { shareRoutes } from './api/share-routes';
import { manifestRoutes } from './api/manifest-routes';
import { meRoutes } from './api/me-routes';
import { mediaRoutes } from './api/media-routes';
import { orderRoutes } from './api/order-routes';
import { reminderRoutes } from './api/reminder-routes';
import { shopRoutes } from './api/shop-routes';
import { pushRoutes, type PushContext } from './api/push-routes';
import type { PushSender } from './core/push/push-sender';
import type { WebAuthContext } from './api/web-auth-context';
import type { CatalogRepo } from './core/catalog/catalog';
import type { CustomerRepo } from './core/customers/customer';
import type { OrderRepo } from './core/orders/order-repo';
import type { StarsRepo } from './core/stars/stars-repo';
import type { DigitalRepo } from './core/digital/digital-repo';
import type { DownloadLinkSigner } from './core/digital/download-link';
import { downloadRoutes } from './api/download-routes';
import type { StockAlertRepo } from './core/reminders/back-in-stock';
import type { CartRepo } from './core/reminders/cart-snapshot';
import { runScheduledJobs } from './jobs/run-scheduled-jobs';
import { findScheduledJob, sweepOrders } from './jobs/scheduled-jobs';
import { createErrorHandler, errorResponse, type ErrorLogger } from './http/error-handler';
import { requireCustomer as requireCustomerAuth } from './http/customer-auth';
import type { InitDataVerifier } from './http/telegram-auth';
import { refuseUnstorableUrl } from './http/refuse-unstorable-url';

export const APP_VERSION = '0.1.0';

/** Everything the HTTP app needs, passed in: no globals, no env reads below this line. */
export interface AppDeps {
  catalog: CatalogRepo;
  /**
   * The catalog's public answers (api/catalog-reads.ts), one instance per app: the Node server also
   * answers catalog reads from it without the framework (platforms/node/catalog-lane.ts).
   */
  catalogReads: CatalogReads;
  customers: CustomerRepo;
  orders: OrderRepo;
  verifyInitData: InitDataVerifier;
  clock: () => Date;
  probe: HealthProbe;
  logger: ErrorLogger;
  orderTtlSeconds: number;
  devMode: boolean;
  shop: {
    name: string;
    /** PUBLIC_URL: where Telegram and customers reach the shop (the bot's buttons and links). */
    publicUrl: string | undefined;
    /**
     * The shop's own address, from the settings only (config.ts, shopUrlOf): ton_proof's domain, the
     * session cookie's origin and Secure flag, the TON Connect manifest. null where none is known; then
     * those are refused rather than taken from a request.
     */
    url: string | null;
    /** MINI_APP_NAME: the Mini App's short name (BotFather's /newapp), for t.me links that open a product. */
    miniAppName?: string | undefined;
    /** SHOP_CHANNEL_IDS: the channels the admin posts products to. */
    channelIds?: readonly MessengerId[];
    /** MESSENGER: where the bot and the Mini App live (core/messenger/messengers.ts); Telegram by default. */
    messenger?: Messenger;
  };
  payments: PaymentContext;
  /** Telegram Stars payments (core/stars): invoices, pre-checkout, credits and refunds, the reconciler's offset. */
  stars: StarsRepo;
  /** Digital products once paid: what they hand over, and the signer of their download links. */
  digital: { repo: DigitalRepo; signer: DownloadLinkSigner };
  cronSecret: string | undefined;
  adminIds: readonly MessengerId[];
  /** The merchant's repositories and the image store (api/admin/admin-context.ts). */
  admin: AdminContext;
  /** The shop's bot, its outbox and the webhook's storage (api/bot-context.ts). */
  bot: BotContext;
  /** Web sign-in: sessions, the Telegram Login Widget, TON ton_proof (api/web-auth-context.ts). */
  webAuth: WebAuthContext;
  /** What brings customers back (core/reminders): the carts the Mini App reports, "Notify me" alerts. */
  reminders: { carts: CartRepo; stockAlerts: StockAlertRepo };
  /** Web Push (api/push-routes.ts): the key and subscriptions, and the sender the outbox uses (null when off). */
  push: PushContext & { sender: PushSender | null };
}

/**
 * The whole API as one Web-standard fetch handler (Hono): it runs unchanged on Node, Workers, Vercel and
 * Netlify. Each platform adapter in functions/platforms/ only wires env, database and static files to it.
 */
export function createApp(deps: AppDeps) {
  const app = new Hono();
  // The text rule for every address, before any route (the routes' schemas apply it to bodies).
  app.use('*', refuseUnstorableUrl);
  // The Mini App's initData or a web session cookie, for every customer API.
  const requireCustomer = requireCustomerAuth({
    ...deps,
    sessions: deps.webAuth.sessions,
    crypto: deps.webAuth.crypto,
    shopUrl: deps.shop.url,
  });

  app.route('/api/health', healthRoutes({ probe: deps.probe, devMode: deps.devMode, version: APP_VERSION }));
  app.route('/api', catalogRoutes(deps));
  app.route(
    '/api/orders',
    orderRoutes({
      orders: deps.orders,
      payments: deps.payments,
      requireCustomer,
      clock: deps.clock,
      orderTtlSeconds: deps.orderTtlSeconds,
      logger: deps.logger,
      sweepExpiredOrders: () => sweepOrders(deps),
      stars: { repo: deps.stars, bot: deps.bot.api, shopName: deps.shop.name, botLive: deps.bot.live },
      digital: { ...deps.digital, shopUrl: deps.shop.url },
    }),
  );
  app.route('/api/downloads', downloadRoutes({ digital: deps.digital.repo, signer: deps.digital.signer, blobs: deps.admin.blobs, clock: deps.clock }));
  app.route(
    '/api/cron',
    cronRoutes({
      cronSecret: deps.cronSecret,
      runAll: () => runScheduledJobs(deps),
      runJob: (name) => findScheduledJob(name).run(deps),
    }),
  );
  app.route('/api', shopRoutes({ settings: deps.admin.settings, pricingCurrency: deps.payments.pricingCurrency }));
  const channels = {
    catalog: deps.catalog,
    channelIds: deps.shop.channelIds ?? [],
    shop: { publicUrl: deps.shop.publicUrl, botUsername: deps.bot.username, miniAppName: deps.shop.miniAppName },
  };
  app.route('/api/admin', adminRoutes({ adminIds: deps.adminIds, requireCustomer, payments: deps.payments, admin: deps.admin, clock: deps.clock, channels }));
  const authDeps = {
    web: deps.webAuth,
    customers: deps.customers,
    clock: deps.clock,
    shopUrl: deps.shop.url,
    requireCustomer,
    tonNetwork: deps.payments.network,
    messenger: deps.shop.messenger ?? 'telegram',
  };
  app.route('/api/auth', authRoutes(authDeps));
  app.route('/api/auth', tonProofRoutes(authDeps));
  app.route('/api', reminderRoutes({ requireCustomer, carts: deps.reminders.carts, stockAlerts: deps.reminders.stockAlerts, clock: deps.clock }));
  app.route('/api/push', pushRoutes({ push: deps.push, requireCustomer, clock: deps.clock }));
  app.route('/api/me', meRoutes({ requireCustomer, adminIds: deps.adminIds, customers: deps.customers }));
  app.route('/api', shareRoutes({ requireCustomer, catalog: deps.catalog, bot: deps.bot, shop: deps.shop, logger: deps.logger }));
  app.route(
    '/api/telegram',
    webhookRoutes({
      bot: deps.bot,
      shop: deps.shop,
      clock: deps.clock,
      logger: deps.logger,
      customers: deps.customers,
      catalog: deps.catalog,
      stars: deps.stars,
    }),
  );
  app.route('/media', mediaRoutes({ blobs: deps.admin.blobs }));
  // The app owns /media/* on every platform: a path naming no image is its JSON 404, not the framework's text.
  app.all('/media/*', (c) => errorResponse(c, 404, 'MEDIA_NOT_FOUND', 'No such image.'));
  app.route('/', manifestRoutes({ shopName: deps.shop.name, shopUrl: deps.shop.url }));
  app.all('/api/*', (c) => errorResponse(c, 404, 'NOT_FOUND', `No API route ${c.req.method} ${c.req.path}.`));

  app.onError(createErrorHandler(deps.logger));
  return app;
}

export type App = ReturnType<typeof createApp>;
