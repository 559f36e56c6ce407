import { describe, expect, it } from 'vitest';
import type { CartStorage } from '../../../src/features/cart/persist-cart';
import { MAX_LINE_QUANTITY, createCartStore, sanitizeItems } from '../../../src/features/cart/store';

function memoryStorage(initial: Record<string, string> = {}): CartStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
  };
}

const stored = (items: unknown, version: unknown = 1) => JSON.stringify({ state: { items }, version });

describe('cart store', () => {
  it('adds one at a time and keeps only productId and quantity', () => {
    const storage = memoryStorage();
    const cart = createCartStore(() => storage);
    expect(cart.getState().add('a')).toBe(true);
    expect(cart.getState().add('a')).toBe(true);
    cart.getState().add('b');
    expect(cart.getState().items).toEqual([
      { productId: 'a', quantity: 2 },
      { productId: 'b', quantity: 1 },
    ]);
    expect(JSON.parse(storage.data.get('bazaar-cart')!)).toEqual({
      state: {
        items: [
          { productId: 'a', quantity: 2 },
          { productId: 'b', quantity: 1 },
        ],
      },
      version: 1,
    });
  });

  it('refuses to add beyond the stock limit', () => {
    const cart = createCartStore(() => memoryStorage());
    expect(cart.getState().add('a', 1)).toBe(true);
    expect(cart.getState().add('a', 1)).toBe(false);
    expect(cart.getState().add('sold-out', 0)).toBe(false);
    expect(cart.getState().items).toEqual([{ productId: 'a', quantity: 1 }]);
  });

  it('removes the line when the quantity drops to zero, and caps it at the maximum', () => {
    const cart = createCartStore(() => memoryStorage());
    cart.getState().setQuantity('a', 1000);
    expect(cart.getState().items).toEqual([{ productId: 'a', quantity: MAX_LINE_QUANTITY }]);
    cart.getState().setQuantity('a', 0);
    expect(cart.getState().items).toEqual([]);
  });

  it('restores a persisted cart and drops malformed lines', () => {
    const persisted = JSON.stringify({
      state: { items: [{ productId: 'a', quantity: 2 }, { productId: '', quantity: 1 }, { productId: 'b', quantity: -1 }, null] },
      version: 1,
    });
    const cart = createCartStore(() => memoryStorage({ 'bazaar-cart': persisted }));
    expect(cart.getState().items).toEqual([{ productId: 'a', quantity: 2 }]);
  });

  it('drops a stored cart of another version and a stored value that is not JSON', () => {
    expect(createCartStore(() => memoryStorage({ 'bazaar-cart': stored([{ productId: 'a', quantity: 1 }], 0) })).getState().items).toEqual([]);
    expect(createCartStore(() => memoryStorage({ 'bazaar-cart': '{"state":' })).getState().items).toEqual([]);
  });

  it('reads a stored cart without a version as the current one, as zustand persist did', () => {
    const storage = memoryStorage({ 'bazaar-cart': JSON.stringify({ state: { items: [{ productId: 'a', quantity: 3 }] } }) });
    expect(createCartStore(() => storage).getState().items).toEqual([{ productId: 'a', quantity: 3 }]);
  });

  it('does not write a cart it only loaded', () => {
    const storage = memoryStorage({
      'bazaar-cart': stored([
        { productId: 'a', quantity: 2 },
        { productId: '', quantity: 1 },
      ]),
    });
    const before = storage.data.get('bazaar-cart');
    createCartStore(() => storage);
    expect(storage.data.get('bazaar-cart')).toBe(before);
  });

  it('rehydrates what another tab stored, without writing it back', () => {
    const storage = memoryStorage();
    const cart = createCartStore(() => storage);
    cart.getState().add('a');
    const writes: string[] = [];
    const watched: CartStorage = { getItem: storage.getItem, setItem: (key, value) => (writes.push(value), storage.setItem(key, value)) };
    const otherTab = createCartStore(() => watched);
    storage.data.set('bazaar-cart', stored([{ productId: 'b', quantity: 4 }]));
    otherTab.rehydrate();
    expect(otherTab.getState().items).toEqual([{ productId: 'b', quantity: 4 }]);
    expect(writes).toEqual([]);
    otherTab.getState().add('b');
    expect(JSON.parse(writes[0]!)).toEqual({ state: { items: [{ productId: 'b', quantity: 5 }] }, version: 1 });
  });

  it('keeps working in memory when storage is blocked or full', () => {
    const blocked = createCartStore(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(blocked.getState().add('a')).toBe(true);
    expect(blocked.getState().items).toEqual([{ productId: 'a', quantity: 1 }]);
    const full = createCartStore(() => ({
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    }));
    expect(full.getState().add('a')).toBe(true);
    expect(full.getState().items).toEqual([{ productId: 'a', quantity: 1 }]);
  });

  it('clears', () => {
    const cart = createCartStore(() => memoryStorage());
    cart.getState().add('a');
    cart.getState().clear();
    expect(cart.getState().items).toEqual([]);
  });
});

describe('sanitizeItems', () => {
  it('keeps the first line per product and floors fractional quantities', () => {
    expect(
      sanitizeItems([
        { productId: 'a', quantity: 2.7 },
        { productId: 'a', quantity: 5 },
        { productId: 'b', quantity: '3' },
      ]),
    ).toEqual([
      { productId: 'a', quantity: 2 },
      { productId: 'b', quantity: 3 },
    ]);
    expect(sanitizeItems('nonsense')).toEqual([]);
  });
});
