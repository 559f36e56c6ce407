import type { MessengerId } from '../messenger/messenger-id';
import type { Product } from '../catalog/catalog';
import { escapeHtml } from '../notifications/escape-html';
import type { Messages } from '../notifications/messages/messages';
import type { SendMessageParams, SendPhotoParams } from '../telegram/bot-api';
import { productShareLink } from '../bot/product-link';
import { photoUrl, priceLine, shorten } from '../bot/product-teaser';

/** A post as it goes out: the Bot API method and its parameters, ready (what the preview shows is what is sent). */
export type ChannelPost = { method: 'sendPhoto'; params: SendPhotoParams } | { method: 'sendMessage'; params: SendMessageParams };

/** A caption is at most 1024 characters; the description gets what title, price and markup leave. */
const CAPTION_LIMIT = 1024;
const DESCRIPTION_LIMIT = 600;

/**
 * One product posted to one channel: its picture (JPEG or PNG) with a caption, or a text message when it
 * has none, in the language the merchant picked (`product` is already localized, `t` is that language's
 * messages): title, price, a short description, and a **url** button that opens the product in the Mini
 * App (channels refuse `web_app` buttons). Null when no link to the product can be made (neither
 * BOT_USERNAME nor an https PUBLIC_URL): a post nobody can act on is not sent.
 */
export function buildChannelPost(
  chatId: MessengerId,
  product: Product,
  t: Messages,
  shop: { publicUrl: string | undefined; botUsername: string | undefined; miniAppName: string | undefined },
): ChannelPost | null {
  const link = productShareLink({ ...shop, slug: product.slug });
  if (!link) return null;
  const reply_markup = { inline_keyboard: [[{ text: t.botOpenProductButton, url: link }]] };
  const head = [`<b>${escapeHtml(product.title)}</b>`, priceLine(product, t)];
  const description = shorten(product.description, DESCRIPTION_LIMIT);
  const text = [...head, ...(description ? ['', escapeHtml(description)] : [])].join('\n');
  const photo = photoUrl(product.images[0], shop.publicUrl);
  if (photo) {
    // Escaping can lengthen the description past the caption's limit; then the post keeps title and price.
    const caption = text.length <= CAPTION_LIMIT ? text : head.join('\n');
    return { method: 'sendPhoto', params: { chat_id: chatId, photo, caption, parse_mode: 'HTML', reply_markup } };
  }
  return { method: 'sendMessage', params: { chat_id: chatId, text, parse_mode: 'HTML', reply_markup, link_preview_options: { is_disabled: true } } };
}
