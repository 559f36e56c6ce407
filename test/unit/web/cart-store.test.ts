import { describe, expect, it } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import { MAX_LINE_QUANTITY, createCartStore, sanitizeItems } from '../../../src/features/cart/store';

function memoryStorage(initial: Record<string, string> = {}): StateStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

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
      state: { items: [{ productId: 'a', quantity: 2 }, { productId: 'b', quantity: 1 }] },
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
