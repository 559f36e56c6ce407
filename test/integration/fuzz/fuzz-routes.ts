import fc from 'fast-check';
import { z } from 'zod';
import { adminCategorySchemas } from '../../../functions/api/admin/category-routes';
import { adminDeliverySchemas } from '../../../functions/api/admin/delivery-routes';
import { adminDigitalSchemas } from '../../../functions/api/admin/digital-routes';
import { adminPromoSchemas } from '../../../functions/api/admin/promo-routes';
import { adminChannelPostSchemas } from '../../../functions/api/admin/channel-post-routes';
import { adminAnnouncementSchemas } from '../../../functions/api/admin/announcement-routes';
import { adminExportSchemas } from '../../../functions/api/admin/export-routes';
import { adminImportSchemas } from '../../../functions/api/admin/import-routes';
import { adminOrderSchemas } from '../../../functions/api/admin/order-routes';
import { adminPaymentSchemas } from '../../../functions/api/admin/payment-routes';
import { adminRefundSchemas } from '../../../functions/api/admin/refund-routes';
import { adminProductSchemas } from '../../../functions/api/admin/product-routes';
import { adminSalesSchemas } from '../../../functions/api/admin/sales-routes';
import { adminSettingsSchemas } from '../../../functions/api/admin/settings-routes';
import { authSchemas } from '../../../functions/api/auth-routes';
import { catalogSchemas } from '../../../functions/api/catalog-routes';
import { orderSchemas } from '../../../functions/api/order-routes';
import { reminderSchemas } from '../../../functions/api/reminder-routes';
import { pushSchemas } from '../../../functions/api/push-routes';
import { telegramUpdateSchemas } from '../../../functions/api/telegram-update-schema';
import { tonProofSchemas } from '../../../functions/api/ton-proof-routes';
import { catalogImportRows } from '../../../functions/core/admin/catalog-import';
import type { FieldHints } from './schema-arbitrary';

/** Who a route is for: the fuzzer calls it mostly as that caller, and as everyone else too. */
export type Audience = 'public' | 'customer' | 'admin' | 'cron' | 'webhook';

/** Where a path parameter's good values come from. */
export type ParamPool = 'slug' | 'product' | 'variant' | 'order' | 'payment' | 'category' | 'promo' | 'demo-image' | 'uploaded-image' | 'webhook-secret';

export type FuzzBody =
  | { kind: 'json'; schema: z.ZodType; hints?: FieldHints; bases?: () => unknown[] }
  /** The raw file of an image upload. */
  | { kind: 'image' }
  /** A catalog file, CSV or JSON as `?format=` says, made of the import's own rows. */
  | { kind: 'import' };

export interface FuzzRoute {
  method: string;
  /** As in the app and docs/api.md. */
  path: string;
  audience: Audience;
  params?: Record<string, ParamPool>;
  query?: z.ZodType;
  body?: FuzzBody;
  /** Fewer requests: each call runs every scheduled job. */
  costly?: boolean;
}

/** What exists in the shop the fuzzer runs against: good values to mutate. */
export interface FuzzPools {
  productIds: string[];
  variantIds: string[];
  promoIds: string[];
  categoryIds: string[];
  images: string[];
  /** Signed bodies that pass the signature check, to mutate past it. */
  widgetBodies: unknown[];
  tonProofBodies: unknown[];
}

const WEBHOOK_UPDATE = z.object({
  update_id: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1),
  message: telegramUpdateSchemas.messageSchema.optional(),
  my_chat_member: telegramUpdateSchemas.chatMemberUpdatedSchema.optional(),
  inline_query: telegramUpdateSchemas.inlineQuerySchema.optional(),
});

/** An import file as rows, before it is written as CSV or JSON. */
export const IMPORT_FILE = z.object({
  items: z.array(catalogImportRows.productRow).max(4),
  categories: z.array(catalogImportRows.categoryRow).max(3),
});

/**
 * Every route of the API, with the schemas the route itself reads (exported by its module). The test
 * checks this list against docs/api.md and against the app's own routes, so a new route cannot be
 * left out.
 */
export function fuzzRoutes(pools: FuzzPools): FuzzRoute[] {
  const nano = fc.oneof(fc.bigInt({ min: 1n, max: 10n ** 12n }).map(String), fc.constantFrom('0', '1', '9223372036854775807'));
  const productHints: FieldHints = {
    priceMinor: nano,
    compareAtPriceMinor: fc.option(nano),
    categoryId: fc.option(fc.constantFrom(...pools.categoryIds)),
    images: fc.array(fc.constantFrom(...pools.images), { maxLength: 3 }),
  };
  const orderHints: FieldHints = {
    productId: fc.oneof(fc.constantFrom(...pools.productIds), fc.uuid()),
    variantId: fc.oneof(fc.constantFrom(...pools.variantIds), fc.uuid()),
    methodId: fc.constantFrom('post', 'courier', 'pickup', 'in-chat', 'teleport'),
    country: fc.constantFrom('IR', 'RU', 'DE', 'US', 'ir', '۱۲'),
  };
  const json = (schema: z.ZodType, extra: Omit<Extract<FuzzBody, { kind: 'json' }>, 'kind' | 'schema'> = {}): FuzzBody => ({ kind: 'json', schema, ...extra });

  return [
    { method: 'GET', path: '/api/health', audience: 'public' },
    { method: 'GET', path: '/api/catalog', audience: 'public', query: catalogSchemas.localeQuery },
    { method: 'GET', path: '/api/products/:slug', audience: 'public', params: { slug: 'slug' }, query: catalogSchemas.localeQuery },
    { method: 'POST', path: '/api/products/:slug/share', audience: 'customer', params: { slug: 'slug' } },
    { method: 'GET', path: '/api/shop', audience: 'public' },
    { method: 'GET', path: '/tonconnect-manifest.json', audience: 'public' },
    { method: 'GET', path: '/manifest.webmanifest', audience: 'public' },
    { method: 'GET', path: '/media/demo/:file', audience: 'public', params: { file: 'demo-image' } },
    { method: 'GET', path: '/media/u/:file', audience: 'public', params: { file: 'uploaded-image' } },

    { method: 'POST', path: '/api/orders', audience: 'customer', body: json(orderSchemas.createOrderBody, { hints: orderHints }) },
    { method: 'POST', path: '/api/orders/quote', audience: 'customer', body: json(orderSchemas.quoteBody, { hints: orderHints }) },
    { method: 'GET', path: '/api/delivery-methods', audience: 'public' },
    { method: 'GET', path: '/api/me/checkout-details', audience: 'customer' },
    { method: 'GET', path: '/api/orders', audience: 'customer' },
    { method: 'GET', path: '/api/orders/:id', audience: 'customer', params: { id: 'order' } },
    { method: 'POST', path: '/api/orders/:id/payment', audience: 'customer', params: { id: 'order' }, body: json(orderSchemas.submitPaymentBody) },
    { method: 'POST', path: '/api/orders/:id/payment-request', audience: 'customer', params: { id: 'order' }, body: json(orderSchemas.paymentRequestBody) },
    { method: 'POST', path: '/api/orders/:id/stars-invoice', audience: 'customer', params: { id: 'order' } },
    { method: 'POST', path: '/api/orders/:id/download-links', audience: 'customer', params: { id: 'order' } },
    // A token is the link's own credential: mutated order ids stand in for it (every one refused, none a 5xx).
    { method: 'GET', path: '/api/downloads/:token', audience: 'public', params: { token: 'order' } },
    { method: 'GET', path: '/api/me', audience: 'customer' },
    { method: 'PUT', path: '/api/cart', audience: 'customer', body: json(reminderSchemas.cartBody, { hints: orderHints }) },
    { method: 'GET', path: '/api/stock-alerts', audience: 'customer' },
    { method: 'PUT', path: '/api/stock-alerts/:variantId', audience: 'customer', params: { variantId: 'variant' } },
    { method: 'DELETE', path: '/api/stock-alerts/:variantId', audience: 'customer', params: { variantId: 'variant' } },
    { method: 'GET', path: '/api/push/key', audience: 'public' },
    { method: 'PUT', path: '/api/push/subscription', audience: 'customer', body: json(pushSchemas.subscribeBody) },
    { method: 'DELETE', path: '/api/push/subscription', audience: 'customer', body: json(pushSchemas.unsubscribeBody) },
    { method: 'POST', path: '/api/push/offers-off', audience: 'public', body: json(pushSchemas.unsubscribeBody) },

    { method: 'GET', path: '/api/auth/config', audience: 'public' },
    { method: 'POST', path: '/api/auth/telegram-widget', audience: 'public', body: json(authSchemas.widgetBody, { bases: () => pools.widgetBodies }) },
    { method: 'POST', path: '/api/auth/link/telegram-widget', audience: 'customer', body: json(authSchemas.widgetBody, { bases: () => pools.widgetBodies }) },
    { method: 'GET', path: '/api/auth/ton-proof/payload', audience: 'public' },
    { method: 'POST', path: '/api/auth/ton-proof', audience: 'public', body: json(tonProofSchemas.tonProofBody, { bases: () => pools.tonProofBodies }) },
    { method: 'POST', path: '/api/auth/link/ton-proof', audience: 'customer', body: json(tonProofSchemas.tonProofBody, { bases: () => pools.tonProofBodies }) },
    { method: 'POST', path: '/api/auth/logout', audience: 'customer' },

    { method: 'GET', path: '/api/admin/session', audience: 'admin' },
    { method: 'GET', path: '/api/admin/orders', audience: 'admin', query: adminOrderSchemas.listQuery },
    { method: 'GET', path: '/api/admin/orders/:id', audience: 'admin', params: { id: 'order' } },
    { method: 'POST', path: '/api/admin/orders/:id/actions', audience: 'admin', params: { id: 'order' }, body: json(adminOrderSchemas.actionBody) },
    { method: 'POST', path: '/api/admin/orders/:id/stars-refund', audience: 'admin', params: { id: 'order' } },
    { method: 'GET', path: '/api/admin/orders/:id/refunds', audience: 'admin', params: { id: 'order' } },
    { method: 'POST', path: '/api/admin/orders/:id/refunds', audience: 'admin', params: { id: 'order' }, body: json(adminRefundSchemas.requestBody) },
    // A refund id from the order pool names no refund: the route's 404, as for a made-up one.
    {
      method: 'POST',
      path: '/api/admin/orders/:id/refunds/:refundId/boc',
      audience: 'admin',
      params: { id: 'order', refundId: 'order' },
      body: json(adminRefundSchemas.submitBody),
    },
    { method: 'GET', path: '/api/admin/products', audience: 'admin' },
    { method: 'POST', path: '/api/admin/products', audience: 'admin', body: json(adminProductSchemas.createBody, { hints: productHints }) },
    {
      method: 'PATCH',
      path: '/api/admin/products/:id',
      audience: 'admin',
      params: { id: 'product' },
      body: json(adminProductSchemas.patchBody, { hints: productHints }),
    },
    {
      method: 'PUT',
      path: '/api/admin/products/:id/variants',
      audience: 'admin',
      params: { id: 'product' },
      body: json(adminProductSchemas.variantsBody, { hints: { priceMinor: fc.option(nano) } }),
    },
    { method: 'GET', path: '/api/admin/products/:id/digital', audience: 'admin', params: { id: 'product' } },
    { method: 'PUT', path: '/api/admin/products/:id/digital', audience: 'admin', params: { id: 'product' }, body: json(adminDigitalSchemas.contentBody) },
    { method: 'POST', path: '/api/admin/products/:id/digital/file', audience: 'admin', params: { id: 'product' }, body: { kind: 'image' } },
    { method: 'POST', path: '/api/admin/products/:id/digital/keys', audience: 'admin', params: { id: 'product' }, body: json(adminDigitalSchemas.keysBody) },
    { method: 'GET', path: '/api/admin/delivery', audience: 'admin' },
    {
      method: 'PUT',
      path: '/api/admin/delivery',
      audience: 'admin',
      body: json(adminDeliverySchemas.deliveryBody, { hints: { feeMinor: nano, freeAboveMinor: fc.option(nano) } }),
    },
    { method: 'GET', path: '/api/admin/promo-codes', audience: 'admin' },
    {
      method: 'POST',
      path: '/api/admin/promo-codes',
      audience: 'admin',
      body: json(adminPromoSchemas.createBody, { hints: { value: nano, minSubtotalMinor: fc.option(nano) } }),
    },
    {
      method: 'PATCH',
      path: '/api/admin/promo-codes/:id',
      audience: 'admin',
      params: { id: 'promo' },
      body: json(adminPromoSchemas.patchBody, { hints: { value: nano } }),
    },
    { method: 'DELETE', path: '/api/admin/promo-codes/:id', audience: 'admin', params: { id: 'promo' } },
    { method: 'POST', path: '/api/admin/announcements/preview', audience: 'admin', body: json(adminAnnouncementSchemas.contentBody) },
    { method: 'POST', path: '/api/admin/announcements', audience: 'admin', body: json(adminAnnouncementSchemas.sendBody) },
    { method: 'GET', path: '/api/admin/announcements/:id', audience: 'admin', params: { id: 'promo' } },
    { method: 'POST', path: '/api/admin/channel-posts/preview', audience: 'admin', body: json(adminChannelPostSchemas.previewBody) },
    { method: 'POST', path: '/api/admin/channel-posts', audience: 'admin', body: json(adminChannelPostSchemas.postBody) },
    { method: 'GET', path: '/api/admin/channel-posts/:id', audience: 'admin', params: { id: 'promo' } },
    { method: 'GET', path: '/api/admin/categories', audience: 'admin' },
    { method: 'POST', path: '/api/admin/categories', audience: 'admin', body: json(adminCategorySchemas.createBody) },
    { method: 'PATCH', path: '/api/admin/categories/:id', audience: 'admin', params: { id: 'category' }, body: json(adminCategorySchemas.patchBody) },
    { method: 'DELETE', path: '/api/admin/categories/:id', audience: 'admin', params: { id: 'category' } },
    { method: 'POST', path: '/api/admin/images', audience: 'admin', body: { kind: 'image' } },
    { method: 'GET', path: '/api/admin/settings', audience: 'admin' },
    { method: 'PUT', path: '/api/admin/settings', audience: 'admin', body: json(adminSettingsSchemas.settingsBody) },
    { method: 'GET', path: '/api/admin/payments', audience: 'admin', query: adminPaymentSchemas.listQuery },
    { method: 'POST', path: '/api/admin/payments/:id/resolve', audience: 'admin', params: { id: 'payment' }, body: json(adminPaymentSchemas.resolveBody) },
    { method: 'GET', path: '/api/admin/sales', audience: 'admin', query: adminSalesSchemas.salesQuery },
    { method: 'GET', path: '/api/admin/export', audience: 'admin', query: adminExportSchemas.exportQuery },
    { method: 'POST', path: '/api/admin/import', audience: 'admin', query: adminImportSchemas.importQuery, body: { kind: 'import' } },

    { method: 'POST', path: '/api/telegram/webhook', audience: 'webhook', body: json(WEBHOOK_UPDATE) },
    { method: 'POST', path: '/api/telegram/webhook/:secret', audience: 'webhook', params: { secret: 'webhook-secret' }, body: json(WEBHOOK_UPDATE) },
    { method: 'GET', path: '/api/cron/run', audience: 'cron', costly: true },
    { method: 'POST', path: '/api/cron/run', audience: 'cron', costly: true },
    { method: 'POST', path: '/api/cron/reconcile', audience: 'cron', costly: true },
    { method: 'POST', path: '/api/cron/reconcile-stars', audience: 'cron', costly: true },
    { method: 'POST', path: '/api/cron/confirm-refunds', audience: 'cron', costly: true },
    { method: 'POST', path: '/api/cron/expire-orders', audience: 'cron', costly: true },
    { method: 'POST', path: '/api/cron/remind', audience: 'cron', costly: true },
    { method: 'POST', path: '/api/cron/notify', audience: 'cron', costly: true },
  ];
}
