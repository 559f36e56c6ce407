import type { Product } from '../catalog/catalog';
import { localizeProduct } from '../catalog/localize-product';
import { escapeHtml } from '../notifications/escape-html';
import { pickLocale } from '../notifications/locale';
import { messagesFor } from '../notifications/messages/catalogs';
import type { Messages } from '../notifications/messages/messages';
import { miniAppUrl } from '../notifications/order-links';
import type { AnswerInlineQueryParams, InlineQueryResult } from '../telegram/bot-api';
import { productShareLink } from './product-link';
import { jpegUrl, priceLine, shorten } from './product-teaser';
import { searchProducts } from './search-products';

/** Results per answer; Telegram allows 50 and asks for the next page with `offset` as the person scrolls. */
export const INLINE_PAGE_SIZE = 20;
// Prices and stock change: Telegram may reuse an answer this long for the same query by the same person.
const CACHE_SECONDS = 30;

/** An inline query as the shop reads it (core.telegram.org/bots/api#inlinequery). */
export interface InlineQuery {
  id: string;
  query: string;
  /** Where the previous page ended (our own `next_offset`); '' for the first page. */
  offset: string;
  languageCode: string | null;
}

/**
 * The answer to `@<bot> <words>` typed in any chat: the active products that match, in the person's
 * language, each a message with its picture (a JPEG; else text), title and price, and a button that
 * opens the product (productShareLink). Results depend on the person's language, so they are personal
 * to Telegram's cache. A button above the results opens the shop when there is an https PUBLIC_URL.
 */
export function buildInlineAnswer(input: {
  query: InlineQuery;
  products: readonly Product[];
  shop: { publicUrl: string | undefined; botUsername: string | undefined; miniAppName: string | undefined };
}): AnswerInlineQueryParams {
  const { query, shop } = input;
  const locale = pickLocale(query.languageCode);
  const t = messagesFor(locale);
  const wanted = query.languageCode ? [query.languageCode.toLowerCase(), locale] : [locale];
  const localized = input.products.map((product) => localizeProduct(product, wanted));
  const found = searchProducts(localized, query.query);
  const start = Math.min(parseOffset(query.offset), found.length);
  const page = found.slice(start, start + INLINE_PAGE_SIZE);
  const shopUrl = miniAppUrl(shop.publicUrl, '/');

  const results = page.map((product) => productInlineResult(product, t, shop));

  return {
    inline_query_id: query.id,
    results,
    cache_time: CACHE_SECONDS,
    is_personal: true,
    next_offset: start + INLINE_PAGE_SIZE < found.length ? String(start + INLINE_PAGE_SIZE) : '',
    ...(shopUrl && { button: { text: t.botOpenShopButton, web_app: { url: shopUrl } } }),
  };
}

/**
 * One product as a message sent through inline mode or shared from the Mini App (shareMessage): its
 * picture when it is a JPEG, else text; title and price; a url button that opens the product. `product`
 * is already in the reader's language; `t` is that language's messages.
 */
export function productInlineResult(
  product: Product,
  t: Messages,
  shop: { publicUrl: string | undefined; botUsername: string | undefined; miniAppName: string | undefined },
): InlineQueryResult {
  const link = productShareLink({ ...shop, slug: product.slug });
  const reply_markup = link ? { inline_keyboard: [[{ text: t.botOpenProductButton, url: link }]] } : undefined;
  const price = priceLine(product, t);
  const text = [`<b>${escapeHtml(product.title)}</b>`, price].join('\n');
  const description = [price, shorten(product.description)].filter(Boolean).join(' · ');
  const photo = jpegUrl(product.images[0], shop.publicUrl);
  if (photo) {
    return {
      type: 'photo',
      id: product.id,
      photo_url: photo,
      thumbnail_url: photo,
      title: product.title,
      description,
      caption: text,
      parse_mode: 'HTML',
      ...(reply_markup && { reply_markup }),
    };
  }
  return {
    type: 'article',
    id: product.id,
    title: product.title,
    description,
    input_message_content: { message_text: text, parse_mode: 'HTML', link_preview_options: { is_disabled: true } },
    ...(reply_markup && { reply_markup }),
  };
}

function parseOffset(offset: string): number {
  return /^\d{1,6}$/.test(offset) ? Number(offset) : 0;
}
