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

const stored = (items: unknown, version: unknown = 2) => JSON.stringify({ state: { items }, version });

// Two variants of one product (a T-shirt in M and in L) and a product without options.
const teeM = { productId: 'tee', variantId: 'tee-m' };
const teeL = { productId: 'tee', variantId: 'tee-l' };
const bun = { productId: 'bun', variantId: 'bun-default' };

describe('cart store', () => {
  it('keeps one line per variant, with only its ids and quantity, and stores them as version 2', () => {
    const storage = memoryStorage();
    const cart = createCartStore(() => storage);
    expect(cart.getState().add(teeM)).toBe(true);
    expect(cart.getState().add(teeM)).toBe(true);
    cart.getState().add(teeL);
    cart.getState().add(bun);
    const lines = [
      { ...teeM, quantity: 2 },
      { ...teeL, quantity: 1 },
      { ...bun, quantity: 1 },
    ];
    expect(cart.getState().items).toEqual(lines);
    expect(JSON.parse(storage.data.get('bazaar-cart')!)).toEqual({ state: { items: lines }, version: 2 });
  });

  it('refuses to add beyond the variant’s stock limit', () => {
    const cart = createCartStore(() => memoryStorage());
    expect(cart.getState().add(teeM, 1)).toBe(true);
    expect(cart.getState().add(teeM, 1)).toBe(false);
    expect(cart.getState().add(teeL, 0)).toBe(false);
    expect(cart.getState().items).toEqual([{ ...teeM, quantity: 1 }]);
  });

  it('changes and removes one variant’s line without touching the other’s, and caps the quantity', () => {
    const cart = createCartStore(() => memoryStorage());
    cart.getState().add(teeL);
    cart.getState().setQuantity(teeM, 1000);
    expect(cart.getState().items).toEqual([
      { ...teeL, quantity: 1 },
      { ...teeM, quantity: MAX_LINE_QUANTITY },
    ]);
    cart.getState().setQuantity(teeM, 0);
    expect(cart.getState().items).toEqual([{ ...teeL, quantity: 1 }]);
    cart.getState().remove(teeL);
    expect(cart.getState().items).toEqual([]);
  });

  it('restores a persisted cart and drops malformed lines', () => {
    const persisted = stored([{ ...teeM, quantity: 2 }, { productId: '', variantId: 'x', quantity: 1 }, { ...teeL, quantity: -1 }, null]);
    const cart = createCartStore(() => memoryStorage({ 'bazaar-cart': persisted }));
    expect(cart.getState().items).toEqual([{ ...teeM, quantity: 2 }]);
  });

  it('reads a version 1 cart (products, before variants) with the variant left to resolve', () => {
    const v1 = stored(
      [
        { productId: 'bun', quantity: 2 },
        { productId: 'tee', quantity: 1 },
      ],
      1,
    );
    expect(createCartStore(() => memoryStorage({ 'bazaar-cart': v1 })).getState().items).toEqual([
      { productId: 'bun', variantId: '', quantity: 2 },
      { productId: 'tee', variantId: '', quantity: 1 },
    ]);
  });

  it('drops a stored cart of a newer version and a stored value that is not JSON', () => {
    expect(createCartStore(() => memoryStorage({ 'bazaar-cart': stored([{ ...teeM, quantity: 1 }], 3) })).getState().items).toEqual([]);
    expect(createCartStore(() => memoryStorage({ 'bazaar-cart': '{"state":' })).getState().items).toEqual([]);
  });

  it('reads a stored cart without a version, as zustand persist wrote it', () => {
    const storage = memoryStorage({ 'bazaar-cart': JSON.stringify({ state: { items: [{ productId: 'a', quantity: 3 }] } }) });
    expect(createCartStore(() => storage).getState().items).toEqual([{ productId: 'a', variantId: '', quantity: 3 }]);
  });

  it('does not write a cart it only loaded', () => {
    const storage = memoryStorage({
      'bazaar-cart': stored([
        { ...teeM, quantity: 2 },
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
    cart.getState().add(teeM);
    const writes: string[] = [];
    const watched: CartStorage = { getItem: storage.getItem, setItem: (key, value) => (writes.push(value), storage.setItem(key, value)) };
    const otherTab = createCartStore(() => watched);
    storage.data.set('bazaar-cart', stored([{ ...bun, quantity: 4 }]));
    otherTab.rehydrate();
    expect(otherTab.getState().items).toEqual([{ ...bun, quantity: 4 }]);
    expect(writes).toEqual([]);
    otherTab.getState().add(bun);
    expect(JSON.parse(writes[0]!)).toEqual({ state: { items: [{ ...bun, quantity: 5 }] }, version: 2 });
  });

  it('keeps working in memory when storage is blocked or full', () => {
    const blocked = createCartStore(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(blocked.getState().add(bun)).toBe(true);
    expect(blocked.getState().items).toEqual([{ ...bun, quantity: 1 }]);
    const full = createCartStore(() => ({
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    }));
    expect(full.getState().add(bun)).toBe(true);
    expect(full.getState().items).toEqual([{ ...bun, quantity: 1 }]);
  });

  it('clears', () => {
    const cart = createCartStore(() => memoryStorage());
    cart.getState().add(bun);
    cart.getState().clear();
    expect(cart.getState().items).toEqual([]);
  });
});

describe('sanitizeItems', () => {
  it('keeps the first line per variant and floors fractional quantities', () => {
    expect(
      sanitizeItems([
        { ...teeM, quantity: 2.7 },
        { ...teeM, quantity: 5 },
        { ...teeL, quantity: '3' },
        { ...bun, variantId: 7, quantity: 1 },
      ]),
    ).toEqual([
      { ...teeM, quantity: 2 },
      { ...teeL, quantity: 3 },
      { ...bun, variantId: '', quantity: 1 },
    ]);
    expect(sanitizeItems('nonsense')).toEqual([]);
  });
});
