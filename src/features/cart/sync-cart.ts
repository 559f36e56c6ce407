// The server keeps a copy of the signed-in customer's cart (PUT /api/cart): ids and quantities only, for
// the one abandoned-cart reminder. The cart itself stays here; the copy follows it, a moment behind.
import type { CartItem } from '../../domain/cart-lines';
import type { CartStore } from './store';

/** A cart line as the server takes it: a line saved before variants existed has no variant yet. */
export interface CartSnapshotLine {
  productId: string;
  variantId: string | null;
  quantity: number;
}

export interface CartSyncOptions {
  store: Pick<CartStore, 'subscribe' | 'getState'>;
  /** Sends the lines (PUT /api/cart). */
  put: (items: CartSnapshotLine[]) => Promise<unknown>;
  /** Whether someone is signed in now (always inside Telegram; on the web, a session): nobody, nothing sent. */
  signedIn: () => boolean;
  /** Quiet time after the last change before the copy is sent, so a stepper's taps make one request. */
  debounceMs?: number;
  timers?: { set: (run: () => void, ms: number) => unknown; clear: (handle: unknown) => void };
}

export const CART_SYNC_DEBOUNCE_MS = 1500;

export function toSnapshotLines(items: readonly CartItem[]): CartSnapshotLine[] {
  return items.map((item) => ({ productId: item.productId, variantId: item.variantId || null, quantity: item.quantity }));
}

/**
 * Sends the cart's lines whenever they change, debounced, one request at a time, always the latest lines:
 * a change made while a request is out is sent after it, so the server never ends on an older cart (the
 * emptied cart after an order must not lose to the full one before it). A failed send is not retried by
 * itself; the next change sends the whole cart again. Returns the unsubscribe.
 */
export function startCartSync(options: CartSyncOptions): () => void {
  const debounceMs = options.debounceMs ?? CART_SYNC_DEBOUNCE_MS;
  const timers = options.timers ?? { set: (run, ms) => setTimeout(run, ms), clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>) };
  let timer: unknown = null;
  let inFlight = false;
  let dirty = false;

  const flush = () => {
    timer = null;
    if (inFlight) {
      dirty = true;
      return;
    }
    if (!options.signedIn()) return;
    inFlight = true;
    dirty = false;
    options
      .put(toSnapshotLines(options.store.getState().items))
      .catch(() => {
        // The copy is only for a reminder: the cart here is untouched, and the next change sends it whole.
      })
      .finally(() => {
        inFlight = false;
        if (dirty) flush();
      });
  };

  const unsubscribe = options.store.subscribe((state, previous) => {
    if (state.items === previous.items) return;
    if (timer !== null) timers.clear(timer);
    timer = timers.set(flush, debounceMs);
  });
  return () => {
    unsubscribe();
    if (timer !== null) timers.clear(timer);
  };
}
