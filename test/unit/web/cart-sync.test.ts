import { describe, expect, it } from 'vitest';
import { createCartStore } from '../../../src/features/cart/store';
import { startCartSync, type CartSnapshotLine } from '../../../src/features/cart/sync-cart';

// The shop's copy of the cart follows the cart: debounced, one request at a time, always the latest lines,
// and only for someone signed in. Timers and the request are injected, so the test runs them by hand.
function setup({ signedIn = true, failFirst = false } = {}) {
  const data = new Map<string, string>();
  const store = createCartStore(() => ({ getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) }));
  const timers: { run: () => void; ms: number; cleared: boolean }[] = [];
  const sent: CartSnapshotLine[][] = [];
  const answers: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  const state = { signedIn };
  const stop = startCartSync({
    store,
    signedIn: () => state.signedIn,
    put: (items) => {
      sent.push(items);
      return new Promise<void>((resolve, reject) => answers.push({ resolve, reject }));
    },
    debounceMs: 1000,
    timers: {
      set: (run, ms) => {
        const timer = { run, ms, cleared: false };
        timers.push(timer);
        return timer;
      },
      clear: (handle) => void ((handle as { cleared: boolean }).cleared = true),
    },
  });
  const fire = () => timers.filter((t) => !t.cleared).forEach((t) => ((t.cleared = true), t.run()));
  const settle = async (index: number, ok = !failFirst || index > 0) => {
    if (ok) answers[index]!.resolve();
    else answers[index]!.reject(new Error('offline'));
    await new Promise((r) => setTimeout(r, 0));
  };
  return { store, sent, fire, settle, stop, state };
}
const mug = { productId: 'p-mug', variantId: 'v-mug' };

describe('the cart copy on the server', () => {
  it('is sent once after a burst of changes, with ids and quantities only (no variant yet: null)', () => {
    const { store, sent, fire } = setup();
    store.getState().add(mug);
    store.getState().add(mug);
    store.getState().add({ productId: 'p-old', variantId: '' });
    expect(sent).toEqual([]);
    fire();
    expect(sent).toEqual([
      [
        { productId: 'p-mug', variantId: 'v-mug', quantity: 2 },
        { productId: 'p-old', variantId: null, quantity: 1 },
      ],
    ]);
  });

  it('sends the latest cart after the request in flight, so an emptied cart never loses to the full one', async () => {
    const { store, sent, fire, settle } = setup();
    store.getState().add(mug);
    fire();
    store.getState().clear();
    fire();
    expect(sent).toHaveLength(1);
    await settle(0);
    expect(sent).toEqual([[{ productId: 'p-mug', variantId: 'v-mug', quantity: 1 }], []]);
  });

  it('keeps going after a failed send: the next change sends the whole cart', async () => {
    const { store, sent, fire, settle } = setup({ failFirst: true });
    store.getState().add(mug);
    fire();
    await settle(0);
    store.getState().add(mug);
    fire();
    expect(sent.at(-1)).toEqual([{ productId: 'p-mug', variantId: 'v-mug', quantity: 2 }]);
  });

  it('sends nothing while nobody is signed in, and stops when told', () => {
    const { store, sent, fire, stop, state } = setup({ signedIn: false });
    store.getState().add(mug);
    fire();
    expect(sent).toEqual([]);
    state.signedIn = true;
    stop();
    store.getState().add(mug);
    fire();
    expect(sent).toEqual([]);
  });
});
