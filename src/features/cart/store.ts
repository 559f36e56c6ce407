// The cart holds references only (productId + quantity); prices and titles come from the catalog
// at render time and the server prices the order. Persisted so a reopened Mini App keeps the cart.
import { useStore } from 'zustand';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';
import type { CartItem } from '../../domain/cart-lines';

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

export function createCartStore(getStorage: () => StateStorage) {
  return createStore<CartState>()(
    persist(
      (set, get) => ({
        items: [],
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
      }),
      {
        name: 'bazaar-cart',
        version: 1,
        storage: createJSONStorage(getStorage),
        partialize: ({ items }) => ({ items }),
        merge: (persisted, current) => ({
          ...current,
          items: sanitizeItems((persisted as { items?: unknown } | undefined)?.items),
        }),
      },
    ),
  );
}

const memoryStorage = (): StateStorage => {
  const data = new Map<string, string>();
  return {
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
};

export const cartStore = createCartStore(() =>
  typeof localStorage === 'undefined' ? memoryStorage() : localStorage,
);

/** Keeps two open tabs of the shop on the same cart. */
export function syncCartAcrossTabs(win: Window): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === 'bazaar-cart') void cartStore.persist.rehydrate();
  };
  win.addEventListener('storage', onStorage);
  return () => win.removeEventListener('storage', onStorage);
}

export function useCart<T>(selector: (state: CartState) => T): T {
  return useStore(cartStore, selector);
}
