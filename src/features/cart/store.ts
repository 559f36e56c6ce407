// The cart holds references only (a variant of a product + quantity); prices and titles come from the catalog
// at render time and the server prices the order. Persisted so a reopened Mini App keeps the cart: every
// change of the lines is written through the store's `subscribe` (persist-cart.ts).
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CartItem, CartRef } from '../../domain/cart-lines';
import { CART_STORAGE_KEY, readCartItems, writeCartItems, type CartStorage } from './persist-cart';

/** The API caps a line's quantity too; this keeps the stepper sane. */
export const MAX_LINE_QUANTITY = 99;

export interface CartState {
  items: CartItem[];
  /** Adds one; never beyond `limit` (the stock) or MAX_LINE_QUANTITY. Returns whether it added. */
  add: (ref: CartRef, limit?: number) => boolean;
  setQuantity: (ref: CartRef, quantity: number) => void;
  remove: (ref: CartRef) => void;
  clear: () => void;
}

/** A line is one variant; a line saved before variants existed has variantId '' until the cart resolves it. */
export const sameLine = (a: CartRef) => (b: CartRef) => a.variantId === b.variantId && a.productId === b.productId;

function clampQuantity(quantity: number, limit = MAX_LINE_QUANTITY): number {
  return Math.max(0, Math.min(Math.floor(quantity), limit, MAX_LINE_QUANTITY));
}

/** Drops anything in storage that isn't a well-formed line (old versions, hand edits). */
export function sanitizeItems(value: unknown): CartItem[] {
  if (!Array.isArray(value)) return [];
  const items: CartItem[] = [];
  for (const raw of value as Array<Partial<CartItem> | null>) {
    const productId = raw?.productId;
    // Version 1 carts (before variants) have no variantId: kept with '', resolved by the cart screen.
    const line = { productId: productId!, variantId: typeof raw?.variantId === 'string' ? raw.variantId : '', quantity: clampQuantity(Number(raw?.quantity)) };
    if (typeof productId === 'string' && productId && line.quantity > 0 && !items.some(sameLine(line))) items.push(line);
  }
  return items;
}

/** A cart store whose lines outlive the page; `rehydrate` reloads them from storage (another tab wrote). */
export type CartStore = StoreApi<CartState> & { rehydrate(): void };

export function createCartStore(getStorage: () => CartStorage): CartStore {
  let storage: CartStorage | null = null;
  try {
    storage = getStorage();
  } catch {
    // Storage blocked (e.g. by the browser's settings): the cart lives in memory only.
  }
  const store = createStore<CartState>()((set, get) => ({
    items: readCartItems(storage, sanitizeItems),
    add(ref, limit) {
      const current = get().items.find(sameLine(ref))?.quantity ?? 0;
      const next = clampQuantity(current + 1, limit);
      if (next <= current) return false;
      get().setQuantity(ref, next);
      return true;
    },
    setQuantity({ productId, variantId }, quantity) {
      const next = clampQuantity(quantity);
      const line = { productId, variantId, quantity: next };
      const same = sameLine(line);
      set(({ items }) => {
        if (next === 0) return { items: items.filter((item) => !same(item)) };
        return { items: items.some(same) ? items.map((item) => (same(item) ? line : item)) : [...items, line] };
      });
    },
    remove(ref) {
      const same = sameLine(ref);
      set(({ items }) => ({ items: items.filter((item) => !same(item)) }));
    },
    clear() {
      set({ items: [] });
    },
  }));
  // Lines read back from storage are not written again: that would echo another tab's write to it.
  let restoring = false;
  store.subscribe(({ items }, previous) => {
    if (!restoring && items !== previous.items) writeCartItems(storage, items);
  });
  const rehydrate = () => {
    restoring = true;
    try {
      store.setState({ items: readCartItems(storage, sanitizeItems) });
    } finally {
      restoring = false;
    }
  };
  return Object.assign(store, { rehydrate });
}

const memoryStorage = (): CartStorage => {
  const data = new Map<string, string>();
  return {
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
  };
};

export const cartStore = createCartStore(() => (typeof localStorage === 'undefined' ? memoryStorage() : localStorage));

/** Keeps two open tabs of the shop on the same cart. */
export function syncCartAcrossTabs(win: Window): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === CART_STORAGE_KEY) cartStore.rehydrate();
  };
  win.addEventListener('storage', onStorage);
  return () => win.removeEventListener('storage', onStorage);
}

/** How many pieces the lines hold (the badge's number). Here, not in domain/cart-lines.ts, which only
 * the cart screen needs: the header's badge would pull that whole module into the first screen's JS. */
export function countItems(items: readonly CartItem[]): number {
  return items.reduce((n, item) => n + item.quantity, 0);
}

export function useCart<T>(selector: (state: CartState) => T): T {
  return useStore(cartStore, selector);
}
