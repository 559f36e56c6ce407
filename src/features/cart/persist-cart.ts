// The cart's copy in storage, in the shape zustand's `persist` middleware wrote before
// (`{"state":{"items":[…]},"version":1}` under 'bazaar-cart'), so carts saved by earlier builds still
// load. A few lines here instead of the middleware keep ~1 KB gzip out of the first screen's bundle
// (bench/bundle-size.mjs), which inside Telegram also carries Telegram's SDK.
import type { CartItem } from '../../domain/cart-lines';

export const CART_STORAGE_KEY = 'bazaar-cart';
/**
 * Bump when the stored shape changes. 2: a line names its variant (`variantId`); a version 1 line (a
 * product only) is read with variantId '' and resolved by the cart screen (domain/cart-lines.ts,
 * resolveLegacyLines). A cart of a newer version than this build knows is dropped, not misread.
 */
export const CART_STORAGE_VERSION = 2;

/** The part of `Storage` the cart uses (localStorage in the app, a Map in tests). */
export interface CartStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/**
 * The stored lines, checked by `sanitize`; [] when there are none, the JSON is broken, the version is
 * newer than this build or storage is blocked. A stored value without a version is read like any older one.
 */
export function readCartItems(storage: CartStorage | null, sanitize: (value: unknown) => CartItem[]): CartItem[] {
  try {
    const stored = JSON.parse(storage?.getItem(CART_STORAGE_KEY) ?? 'null') as { state?: { items?: unknown }; version?: unknown } | null;
    if (typeof stored?.version === 'number' && stored.version > CART_STORAGE_VERSION) return [];
    return sanitize(stored?.state?.items);
  } catch {
    return [];
  }
}

/** Stores the lines; a full or blocked storage only costs the copy, never the change itself. */
export function writeCartItems(storage: CartStorage | null, items: CartItem[]): void {
  try {
    storage?.setItem(CART_STORAGE_KEY, JSON.stringify({ state: { items }, version: CART_STORAGE_VERSION }));
  } catch {
    // Quota exceeded or storage blocked (private modes): the cart lives on in memory for this visit.
  }
}
