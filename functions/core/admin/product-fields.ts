import { z } from 'zod';
import { SLUG_PATTERN } from '../../../contract/slug';
import { MAX_PRICE_MINOR, MAX_PRICE_STARS, MAX_STOCK } from '../catalog/product-limits';
import { isPricingCurrency, PRICING_CURRENCIES, type PricingCurrency } from '../pricing/currencies';
import { text } from '../text/storable-text';
import { SHOP_LANGUAGES } from './shop-settings';

// The rules for a product's fields, shared by the admin API (JSON) and the catalog import (JSON or CSV,
// where every value arrives as text): one definition, so an imported row and a form obey the same rules.
// Every string starts from text(): the text rule (core/text/storable-text.ts) comes before any other.

export { SLUG_PATTERN };

export const slugField = text().trim().regex(SLUG_PATTERN, 'use 1–100 lowercase letters, digits and hyphens, starting with a letter or digit');

export const titleField = text().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
export const descriptionField = text().max(5000, 'must be at most 5000 characters');

/**
 * An amount in the smallest unit of the shop's currency (nanotons, cents, whole rials …) as a string of
 * digits (a whole JSON number is accepted too when it is exact), > 0. What currency it counts is said
 * beside it (the product's `currency`); the digits alone never say.
 */
export const minorField = z.union([text(), z.number()]).transform((value, ctx) => parseMinor(value, ctx));

/** The same as digits only: what the JSON API takes (JSON numbers lose precision past 2^53). */
export const minorTextField = text().transform((value, ctx) => parseMinor(value, ctx));

function parseMinor(value: string | number, ctx: z.RefinementCtx): bigint {
  const text = typeof value === 'number' ? (Number.isSafeInteger(value) ? String(value) : '') : value.trim();
  if (!/^\d{1,19}$/.test(text)) {
    ctx.addIssue({
      code: 'custom',
      message: 'must be a whole number of the currency’s smallest unit, written in digits (12.50 USD is 1250; 1 TON is 1000000000)',
    });
    return z.NEVER;
  }
  const amount = BigInt(text);
  if (amount <= 0n || amount > MAX_PRICE_MINOR) {
    ctx.addIssue({ code: 'custom', message: `must be more than 0 and at most ${MAX_PRICE_MINOR} in the currency’s smallest unit` });
    return z.NEVER;
  }
  return amount;
}

/** A pricing currency's code (TON, USDT, USD, EUR, RUB, INR, AED, TRY, IRR), any case. */
export const currencyField = text()
  .trim()
  .transform((v) => v.toUpperCase())
  .refine(isPricingCurrency, `must be one of ${PRICING_CURRENCIES.join(', ')}`)
  .transform((v) => v as PricingCurrency);

/**
 * A price in Telegram Stars: whole Stars (XTR has no fractions), more than 0. Only digital products are
 * sold for Stars (core/stars/stars-total.ts); on a physical one the figure is kept but never asked.
 */
export const starsPriceField = z
  .number('must be a whole number of Stars')
  .int('must be a whole number of Stars')
  .min(1, 'must be at least 1 Star')
  .max(MAX_PRICE_STARS, `must be at most ${MAX_PRICE_STARS} Stars`);

/** Whole units in stock, 0 or more (text of digits accepted, as CSV has nothing else). */
export const stockField = z.union([text().trim(), z.number()]).transform((value, ctx) => {
  const n = typeof value === 'number' ? value : /^\d{1,10}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 0 || n > MAX_STOCK) {
    ctx.addIssue({ code: 'custom', message: `must be a whole number from 0 to ${MAX_STOCK}` });
    return z.NEVER;
  }
  return n;
});

/** true/false (or yes/no, 1/0 as a spreadsheet may write them). */
export const activeField = z.union([z.boolean(), text()]).transform((value, ctx) => {
  if (typeof value === 'boolean') return value;
  const v = value.trim().toLowerCase();
  if (['true', 'yes', '1'].includes(v)) return true;
  if (['false', 'no', '0'].includes(v)) return false;
  ctx.addIssue({ code: 'custom', message: 'must be true or false' });
  return z.NEVER;
});

/** An image URL: a path on this shop (`/media/…`) or an https URL. No `javascript:`, no `//host`. */
export const imageUrlField = text()
  .trim()
  .max(2048, 'must be at most 2048 characters')
  .regex(/^(\/(?!\/)|https:\/\/)\S+$/, 'must be a path on this shop (/media/…) or an https:// URL');

export const imagesField = z.array(imageUrlField).max(10, 'at most 10 images');

export const translationsField = z.partialRecord(
  z.enum(SHOP_LANGUAGES),
  z.object({ title: titleField.optional(), description: descriptionField.optional() }).strict(),
);

/** Position of a category in the list (0 first). */
export const positionField = z.union([text().trim(), z.number()]).transform((value, ctx) => {
  const n = typeof value === 'number' ? value : /^-?\d{1,6}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || Math.abs(n) > 1_000_000) {
    ctx.addIssue({ code: 'custom', message: 'must be a whole number' });
    return z.NEVER;
  }
  return n;
});
