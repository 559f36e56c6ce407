import { Hono, type MiddlewareHandler } from 'hono';
import { isSlug } from '../../contract/slug';
import { productInlineResult } from '../core/bot/inline-answer';
import { productShareLink } from '../core/bot/product-link';
import type { CatalogRepo } from '../core/catalog/catalog';
import { localizeProduct } from '../core/catalog/localize-product';
import { pickLocale } from '../core/notifications/locale';
import { messagesFor } from '../core/notifications/messages/catalogs';
import { ProductNotFoundError } from '../core/orders/errors';
import type { ErrorLogger } from '../http/error-handler';
import type { CustomerVariables } from '../http/customer-auth';
import type { BotContext } from './bot-context';

/**
 * `POST /api/products/:slug/share`: what the product page's Share button needs. Inside Telegram (a Mini App
 * caller with a live bot) the server prepares the message with `savePreparedInlineMessage` (Bot API 8.0)
 * and the Mini App hands its id to `WebApp.shareMessage`, which lets the person pick a chat. Always, the
 * link that opens the product (productShareLink) and Telegram's share page for it
 * (`https://t.me/share/url`): the fallback for older clients, the web storefront, or a prepare that failed.
 */
export function shareRoutes(deps: {
  requireCustomer: MiddlewareHandler<{ Variables: CustomerVariables }>;
  catalog: Pick<CatalogRepo, 'findActiveProductBySlug'>;
  bot: Pick<BotContext, 'api' | 'live' | 'username'>;
  shop: { publicUrl: string | undefined; miniAppName?: string | undefined };
  logger: ErrorLogger;
}) {
  const app = new Hono<{ Variables: CustomerVariables }>();
  app.post('/products/:slug/share', deps.requireCustomer, async (c) => {
    const slug = c.req.param('slug').toLowerCase();
    const found = isSlug(slug) ? await deps.catalog.findActiveProductBySlug(slug) : null;
    if (!found) throw new ProductNotFoundError(slug);
    const customer = c.get('customer');
    // The sharer's language is the best guess at the chat's.
    const locale = pickLocale(customer.languageCode);
    const product = localizeProduct(found, customer.languageCode ? [customer.languageCode.toLowerCase(), locale] : [locale]);
    const shop = { publicUrl: deps.shop.publicUrl, botUsername: deps.bot.username, miniAppName: deps.shop.miniAppName };
    const link = productShareLink({ ...shop, slug: product.slug });
    const shareUrl = link ? `https://t.me/share/url?url=${encodeURIComponent(link)}&text=${encodeURIComponent(product.title)}` : null;

    let prepared: { id: string; expiresAt: string } | null = null;
    if (c.get('via') === 'mini-app' && customer.telegramId !== null && deps.bot.live) {
      try {
        const message = await deps.bot.api.savePreparedInlineMessage({
          user_id: customer.telegramId,
          result: productInlineResult(product, messagesFor(locale), shop),
          allow_user_chats: true,
          allow_bot_chats: true,
          allow_group_chats: true,
          allow_channel_chats: true,
        });
        prepared = { id: message.id, expiresAt: new Date(message.expiration_date * 1000).toISOString() };
      } catch (error) {
        // The Share button still works through the link.
        deps.logger.error('preparing a product message to share failed; the Mini App falls back to the share link', error);
      }
    }
    c.header('Cache-Control', 'private, no-store');
    return c.json({ preparedMessageId: prepared?.id ?? null, expiresAt: prepared?.expiresAt ?? null, link, shareUrl });
  });
  return app;
}
