// A BOC the wallet signed but the shop has not acknowledged yet, kept per order in localStorage. If the
// person closes the app (or Telegram Desktop swaps the Mini App for the wallet window) between the
// wallet's answer and the shop's, the next visit hands the same BOC over instead of asking to pay again.
// The wallet has broadcast it already: it is only ever re-submitted to the shop, never re-sent.

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const keyFor = (orderId: string) => `bazaar:payment-boc:${orderId}`;

/** A day is far past any order's expiry; older entries are dropped when read. */
const KEEP_MS = 24 * 60 * 60 * 1000;

export function createPendingSubmissions(storage: () => KeyValueStorage | null, now: () => number = Date.now) {
  // Storage can be blocked (private modes, sandboxed frames): the payment still works without it.
  const attempt = <T>(run: (s: KeyValueStorage) => T, fallback: T): T => {
    try {
      const s = storage();
      return s ? run(s) : fallback;
    } catch {
      return fallback;
    }
  };
  return {
    save(orderId: string, boc: string): void {
      attempt((s) => s.setItem(keyFor(orderId), JSON.stringify({ boc, savedAt: now() })), undefined);
    },
    load(orderId: string): string | null {
      return attempt((s) => {
        const raw = s.getItem(keyFor(orderId));
        if (raw === null) return null;
        const parsed = JSON.parse(raw) as { boc?: unknown; savedAt?: unknown };
        if (typeof parsed.boc === 'string' && typeof parsed.savedAt === 'number' && now() - parsed.savedAt < KEEP_MS) {
          return parsed.boc;
        }
        s.removeItem(keyFor(orderId));
        return null;
      }, null);
    },
    clear(orderId: string): void {
      attempt((s) => s.removeItem(keyFor(orderId)), undefined);
    },
  };
}

export type PendingSubmissions = ReturnType<typeof createPendingSubmissions>;

export const pendingSubmissions = createPendingSubmissions(() => globalThis.localStorage ?? null);
