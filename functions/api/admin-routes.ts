import type { MessengerId } from '../core/messenger/messenger-id';
import { Hono, type MiddlewareHandler } from 'hono';
import type { TonNetwork } from '../core/payments/payment-intent';
import { HttpError } from '../http/http-error';
import type { CustomerVariables } from '../http/customer-auth';
import type { AdminContext, AdminEnv } from './admin/admin-context';
import { adminAnnouncementRoutes } from './admin/announcement-routes';
import { adminCategoryRoutes } from './admin/category-routes';
import { adminChannelPostRoutes, type ChannelPostDeps } from './admin/channel-post-routes';
import { adminDeliveryRoutes } from './admin/delivery-routes';
import { adminDigitalRoutes } from './admin/digital-routes';
import { adminPromoRoutes } from './admin/promo-routes';
import { adminExportRoutes } from './admin/export-routes';
import { adminImageRoutes } from './admin/image-routes';
import { adminImportRoutes } from './admin/import-routes';
import { adminOrderRoutes } from './admin/order-routes';
import { adminRefundRoutes } from './admin/refund-routes';
import { adminPaymentRoutes } from './admin/payment-routes';
import { adminProductRoutes } from './admin/product-routes';
import { adminSalesRoutes } from './admin/sales-routes';
import { adminSessionRoutes } from './admin/session-routes';
import { adminSettingsRoutes } from './admin/settings-routes';
import type { PaymentContext } from './payment-context';

/**
 * The merchant's routes (docs/api.md, "Admin"): only Telegram users listed in ADMIN_IDS, checked on every
 * call from the verified initData. The guard is registered before any route, so no route can skip it.
 */
export function adminRoutes(deps: {
  adminIds: readonly MessengerId[];
  requireCustomer: MiddlewareHandler<{ Variables: CustomerVariables }>;
  payments: PaymentContext;
  admin: AdminContext;
  clock: () => Date;
  /** Posting to the shop's channels: where, and what the posts link to. */
  channels: Pick<ChannelPostDeps, 'catalog' | 'channelIds' | 'shop'>;
}) {
  const app = new Hono<AdminEnv>();
  const admins = new Set(deps.adminIds);
  app.use('*', deps.requireCustomer);
  app.use('*', async (c, next) => {
    const telegramId = c.get('customer').telegramId;
    if (telegramId === null || !admins.has(telegramId)) {
      throw new HttpError('forbidden', 'FORBIDDEN', 'This is for the shop’s staff only.');
    }
    await next();
  });

  const network: TonNetwork = deps.payments.network;
  const context = { admin: deps.admin, clock: deps.clock };
  app.route('/session', adminSessionRoutes());
  app.route('/orders', adminOrderRoutes({ ...context, network }));
  app.route('/orders', adminRefundRoutes({ ...context, network, merchant: deps.payments.merchant }));
  app.route('/products', adminProductRoutes(context));
  app.route('/products', adminDigitalRoutes(context));
  app.route('/categories', adminCategoryRoutes(context));
  app.route('/images', adminImageRoutes(context));
  app.route('/settings', adminSettingsRoutes(context));
  app.route('/delivery', adminDeliveryRoutes(context));
  app.route('/promo-codes', adminPromoRoutes(context));
  app.route('/payments', adminPaymentRoutes({ ...context, payments: deps.payments }));
  app.route('/sales', adminSalesRoutes({ ...context, currency: deps.payments.pricingCurrency }));
  app.route('/export', adminExportRoutes(context));
  app.route('/import', adminImportRoutes(context));
  app.route('/announcements', adminAnnouncementRoutes({ announcements: deps.admin.announcements, clock: deps.clock, newId: () => crypto.randomUUID() }));
  app.route(
    '/channel-posts',
    adminChannelPostRoutes({ ...deps.channels, posts: deps.admin.channelPosts, clock: deps.clock, newId: () => crypto.randomUUID() }),
  );
  return app;
}
