import { formatTon } from '../../../contract/format-ton';
import type { Product } from '../catalog/catalog';
import { localizeProduct } from '../catalog/localize-product';
import { variantPrice } from '../catalog/variants';
import { escapeHtml } from '../notifications/escape-html';
import { pickLocale } from '../notifications/locale';
import { messagesFor } from '../notifications/messages/catalogs';
import type { Messages } from '../notifications/messages/messages';
import { miniAppUrl } from '../notifications/order-links';
import type { AnswerInlineQueryParams, InlineQueryResult } from '../telegram/bot-api';
import { productShareLink } from './product-link';
import { searchProducts } from './search-products';

/** Results per answer; Telegram allows 50 and asks for the next page with `offset` as the person scrolls. */
export const INLINE_PAGE_SIZE = 20;
// Prices and stock change: Telegram may reuse an answer this long for the same query by the same person.
const CACHE_SECONDS = 30;
const DESCRIPTION_CHARACTERS = 120;

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

/** "12.5 TON", "from 10 TON" when variants differ in price, and "sold out" when nothing is on the shelf. */
function priceLine(product: Product, t: Messages): string {
  const prices = product.variants.filter((v) => v.active).map((v) => variantPrice(product.priceNano, v));
  const lowest = prices.reduce((min, p) => (p < min ? p : min), prices[0] ?? product.priceNano);
  const varies = prices.some((p) => p !== lowest);
  const amount = t.isolate(formatTon(lowest));
  const price = varies ? t.inlinePriceFrom(amount) : amount;
  return product.stock > 0 ? price : `${price} · ${t.inlineSoldOut}`;
}

function parseOffset(offset: string): number {
  return /^\d{1,6}$/.test(offset) ? Number(offset) : 0;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= DESCRIPTION_CHARACTERS ? flat : `${flat.slice(0, DESCRIPTION_CHARACTERS - 1).trimEnd()}…`;
}

/** The picture's absolute https URL when it is a JPEG, the only format Telegram takes for an inline photo. */
function jpegUrl(image: string | undefined, publicUrl: string | undefined): string | null {
  if (!image) return null;
  const absolute = image.startsWith('https://') ? image : image.startsWith('/') ? miniAppUrl(publicUrl, image) : null;
  if (!absolute) return null;
  return /\.jpe?g$/i.test(new URL(absolute).pathname) ? absolute : null;
}
