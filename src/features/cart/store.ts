// The cart holds references only (productId + quantity); prices and titles come from the catalog
// at render time and the server prices the order. Persisted so a reopened Mini App keeps the cart: every
// change of the lines is written through the store's `subscribe` (persist-cart.ts).
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CartItem } from '../../domain/cart-lines';
import { CART_STORAGE_KEY, readCartItems, writeCartItems, type CartStorage } from './persist-cart';

/** The API caps a line's quantity too; this keeps the stepper sane. */
export const MAX_LINE_QUANTITY = 99;

export interface CartState {
  items: CartItem[];
  /** Adds one; never beyond `limit` (the stock) or MAX_LINE_QUANTITY. Returns whether it added. */
  add: (productId: string, limit?: number) => boolean;
  setQuantity: (productId: string, quantity: number) => void;
  remove: (productId: string) => void;
  clear: () => void;
}

function clampQuantity(quantity: number, limit = MAX_LINE_QUANTITY): number {
  return Math.max(0, Math.min(Math.floor(quantity), limit, MAX_LINE_QUANTITY));
}

/** Drops anything in storage that isn't a well-formed line (old versions, hand edits). */
export function sanitizeItems(value: unknown): CartItem[] {
  if (!Array.isArray(value)) return [];
  const seen = new Set<string>();
  const items: CartItem[] = [];
  for (const raw of value as Array<Partial<CartItem> | null>) {
    const productId = raw?.productId;
    const quantity = clampQuantity(Number(raw?.quantity));
    if (typeof productId !== 'string' || !productId || seen.has(productId) || !(quantity > 0)) continue;
    seen.add(productId);
    items.push({ productId, quantity });
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
    add(productId, limit) {
      const current = get().items.find((item) => item.productId === productId)?.quantity ?? 0;
      const next = clampQuantity(current + 1, limit);
      if (next <= current) return false;
      get().setQuantity(productId, next);
      return true;
    },
    setQuantity(productId, quantity) {
      const next = clampQuantity(quantity);
      set(({ items }) => {
        if (next === 0) return { items: items.filter((item) => item.productId !== productId) };
        const exists = items.some((item) => item.productId === productId);
        return {
          items: exists
            ? items.map((item) => (item.productId === productId ? { productId, quantity: next } : item))
            : [...items, { productId, quantity: next }],
        };
      });
    },
    remove(productId) {
      set(({ items }) => ({ items: items.filter((item) => item.productId !== productId) }));
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
