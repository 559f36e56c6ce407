import { formatMoneyPlain } from '../../../contract/format-money';
import type { Product } from '../catalog/catalog';
import { variantPrice } from '../catalog/variants';
import type { Messages } from '../notifications/messages/messages';
import { miniAppUrl } from '../notifications/order-links';

// What a product looks like in a message that lands in someone else's chat or channel (an inline result, a
// shared message, a channel post): its price line, a short description, its picture when Telegram takes it.

const DESCRIPTION_CHARACTERS = 120;

/**
 * "12.5 TON", "$12.50", "from 10 TON" when variants differ in price, and "sold out" when nothing is on the
 * shelf; in the product's currency (`locale` names the toman word only).
 */
export function priceLine(product: Product, t: Messages, locale = 'en'): string {
  const prices = product.variants.filter((v) => v.active).map((v) => variantPrice(product.priceMinor, v));
  const lowest = prices.reduce((min, p) => (p < min ? p : min), prices[0] ?? product.priceMinor);
  const varies = prices.some((p) => p !== lowest);
  const amount = t.isolate(formatMoneyPlain(lowest, product.currency, locale));
  const price = varies ? t.inlinePriceFrom(amount) : amount;
  return product.stock > 0 ? price : `${price} · ${t.inlineSoldOut}`;
}

export function shorten(text: string, characters = DESCRIPTION_CHARACTERS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= characters ? flat : `${flat.slice(0, characters - 1).trimEnd()}…`;
}

/** The picture's absolute https URL when it is a JPEG, the only format Telegram takes for an inline photo. */
export function jpegUrl(image: string | undefined, publicUrl: string | undefined): string | null {
  if (!image) return null;
  const absolute = image.startsWith('https://') ? image : image.startsWith('/') ? miniAppUrl(publicUrl, image) : null;
  if (!absolute) return null;
  return /\.jpe?g$/i.test(new URL(absolute).pathname) ? absolute : null;
}

/**
 * The picture's absolute https URL for sendPhoto, which fetches it by URL: JPEG or PNG, formats Telegram
 * turns into a photo; null for anything else (an SVG, a picture without an https address), and the post
 * is then a text message.
 */
export function photoUrl(image: string | undefined, publicUrl: string | undefined): string | null {
  if (!image) return null;
  const absolute = image.startsWith('https://') ? image : image.startsWith('/') ? miniAppUrl(publicUrl, image) : null;
  if (!absolute) return null;
  return /\.(jpe?g|png)$/i.test(new URL(absolute).pathname) ? absolute : null;
}
