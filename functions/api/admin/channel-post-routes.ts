import type { MessengerId } from '../../core/messenger/messenger-id';
import { Hono } from 'hono';
import { z } from 'zod';
import { isSlug } from '../../../contract/slug';
import type { ChannelPostRepo } from '../../adapters/db/channel-post-repo';
import type { CatalogRepo } from '../../core/catalog/catalog';
import { buildChannelPost, type ChannelPost } from '../../core/channels/channel-post';
import { localizeProduct } from '../../core/catalog/localize-product';
import { LOCALES, type Locale } from '../../core/notifications/locale';
import { messagesFor } from '../../core/notifications/messages/catalogs';
import { ProductNotFoundError } from '../../core/orders/errors';
import { text } from '../../core/text/storable-text';
import { HttpError } from '../../http/http-error';
import { idParam, uuidId } from '../../http/id-schema';
import { readJsonBody } from '../../http/read-json-body';
import type { AdminEnv } from './admin-context';

/** Products in one post: each goes out as its own message (a media group cannot carry a button). */
export const MAX_PRODUCTS_PER_POST = 10;
/** How far ahead a post may be scheduled. */
const MAX_SCHEDULE_DAYS = 30;

const slug = text().trim().toLowerCase().refine(isSlug, 'must be a product’s slug');
const previewBody = z.object({
  products: z
    .array(slug)
    .min(1)
    .max(MAX_PRODUCTS_PER_POST)
    .refine((list) => new Set(list).size === list.length, 'names a product twice'),
  locale: z.enum(LOCALES as unknown as [Locale, ...Locale[]]),
});
const postBody = previewBody.extend({
  /** The admin's own id for this post (one per compose screen): sending it twice posts once. */
  postId: uuidId.optional(),
  sendAt: z.iso
    .datetime({ offset: true })
    .transform((v) => new Date(v))
    .optional(),
});

/** What these routes read, for tests that generate requests from it (test/integration/fuzz). */
export const adminChannelPostSchemas = { previewBody, postBody };

export interface ChannelPostDeps {
  catalog: Pick<CatalogRepo, 'findActiveProductBySlug'>;
  posts: ChannelPostRepo;
  /** SHOP_CHANNEL_IDS: where posts go (the bot must be an admin of each, allowed to post). */
  channelIds: readonly MessengerId[];
  shop: { publicUrl: string | undefined; botUsername: string | undefined; miniAppName: string | undefined };
  clock: () => Date;
  newId: () => string;
}

const notFound = () => new HttpError('not_found', 'CHANNEL_POST_NOT_FOUND', 'No such channel post.');

/**
 * Posts products to the shop's channels: a preview of exactly what will be sent, then the post itself,
 * through the outbox (never lost, never doubled, spaced within Telegram's per-chat limit), now or at a
 * scheduled time; and how the post's messages stand.
 */
export function adminChannelPostRoutes(deps: ChannelPostDeps) {
  const app = new Hono<AdminEnv>();

  async function compose(body: z.output<typeof previewBody>): Promise<{ chatId: MessengerId; slug: string; post: ChannelPost }[]> {
    if (deps.channelIds.length === 0) {
      throw new HttpError(
        'conflict',
        'CHANNELS_NOT_CONFIGURED',
        'No channel to post to: set SHOP_CHANNEL_IDS to your channel’s id and make the bot an admin there.',
      );
    }
    const t = messagesFor(body.locale);
    const products = await Promise.all(
      body.products.map(async (wanted) => {
        const found = await deps.catalog.findActiveProductBySlug(wanted);
        if (!found) throw new ProductNotFoundError(wanted);
        return localizeProduct(found, [body.locale]);
      }),
    );
    return deps.channelIds.flatMap((chatId) =>
      products.map((product) => {
        const post = buildChannelPost(chatId, product, t, deps.shop);
        if (!post) {
          throw new HttpError('unprocessable', 'CHANNEL_POST_NO_LINK', 'A post needs a link to the product: set BOT_USERNAME (or an https PUBLIC_URL) first.');
        }
        return { chatId, slug: product.slug, post };
      }),
    );
  }

  app.post('/preview', async (c) => {
    const body = await readJsonBody(c, previewBody);
    const posts = await compose(body);
    return c.json({ channels: deps.channelIds, posts: posts.map(({ chatId, slug, post }) => ({ chatId, slug, method: post.method, params: post.params })) });
  });

  app.post('/', async (c) => {
    const body = await readJsonBody(c, postBody);
    const now = deps.clock();
    const sendAt = body.sendAt ?? now;
    if (sendAt.getTime() > now.getTime() + MAX_SCHEDULE_DAYS * 86_400_000) {
      throw new HttpError('invalid', 'SEND_AT_TOO_FAR', `A post can be scheduled at most ${MAX_SCHEDULE_DAYS} days ahead.`);
    }
    // A time already past (a slow form, another clock) means "now".
    const notBefore = sendAt.getTime() < now.getTime() ? now : sendAt;
    const posts = await compose(body);
    const postId = body.postId ?? deps.newId();
    const planned = await deps.posts.plan({ postId, posts, notBefore, now });
    return c.json({ postId, planned: planned.map((p) => ({ chatId: p.chatId, slug: p.slug, sendAt: p.sendAt.toISOString() })) }, 202);
  });

  app.get('/:id', async (c) => {
    const postId = idParam(uuidId, c.req.param('id'), notFound());
    const counts = await deps.posts.counts(postId);
    if (!counts) throw notFound();
    return c.json({ postId, messages: counts });
  });
  return app;
}
