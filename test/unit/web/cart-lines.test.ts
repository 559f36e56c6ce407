import { describe, expect, it } from 'vitest';
import { isCartOrderable, joinCartWithCatalog, previewTotalMinor, resolveLegacyLines } from '../../../src/domain/cart-lines';
import { countItems } from '../../../src/features/cart/store';
import { makeProduct } from './fixtures';

const variant = (id: string, optionValues: string[], priceMinor: string, stock: number) => ({ id, optionValues, sku: null, priceMinor, stock, image: null });
const brew = makeProduct({ id: 'a', priceMinor: '1500000000', stock: 3, variants: [variant('a-1', [], '1500000000', 3)] });
const bun = makeProduct({ id: 'b', slug: 'bun', priceMinor: '250000000', stock: 10, variants: [variant('b-1', [], '250000000', 10)] });
const tee = makeProduct({
  id: 't',
  slug: 'tee',
  priceMinor: '12000000000',
  stock: 7,
  options: [{ name: 'Size', values: ['M', 'XXL'] }],
  variants: [variant('t-m', ['M'], '12000000000', 6), variant('t-xxl', ['XXL'], '13000000000', 1)],
});

describe('joinCartWithCatalog', () => {
  it('prices each line at its variant’s price', () => {
    const lines = joinCartWithCatalog(
      [
        { productId: 'a', variantId: 'a-1', quantity: 2 },
        { productId: 't', variantId: 't-xxl', quantity: 1 },
        { productId: 't', variantId: 't-m', quantity: 1 },
      ],
      [brew, bun, tee],
    );
    expect(lines.map((l) => (l.kind === 'available' ? l.lineTotalMinor : null))).toEqual(['3000000000', '13000000000', '12000000000']);
    expect(previewTotalMinor(lines)).toBe('28000000000');
    expect(isCartOrderable(lines)).toBe(true);
  });

  it('keeps a product or a variant that left the catalog as an unavailable line, out of the total', () => {
    const lines = joinCartWithCatalog(
      [
        { productId: 'gone', variantId: 'g-1', quantity: 1 },
        { productId: 't', variantId: 't-s', quantity: 1 },
        { productId: 'b', variantId: 'b-1', quantity: 1 },
      ],
      [bun, tee],
    );
    expect(lines.map((l) => l.kind)).toEqual(['unavailable', 'unavailable', 'available']);
    expect(previewTotalMinor(lines)).toBe('250000000');
    expect(isCartOrderable(lines)).toBe(false);
  });

  it('asks to choose the options of an old line whose product now has options', () => {
    const lines = joinCartWithCatalog([{ productId: 't', variantId: '', quantity: 1 }], [tee]);
    expect(lines[0]).toMatchObject({ kind: 'choose', product: { id: 't' } });
    expect(isCartOrderable(lines)).toBe(false);
  });

  it('marks a line above its variant’s stock so the cart cannot be sent', () => {
    const lines = joinCartWithCatalog([{ productId: 't', variantId: 't-xxl', quantity: 2 }], [tee]);
    expect(lines[0]).toMatchObject({ kind: 'available', overStock: true });
    expect(isCartOrderable(lines)).toBe(false);
  });

  it('does not allow ordering an empty cart', () => {
    expect(isCartOrderable([])).toBe(false);
  });
});

describe('resolveLegacyLines', () => {
  it('names the only variant of a product without options, merging into a line of the same variant', () => {
    const items = [
      { productId: 'b', variantId: 'b-1', quantity: 98 },
      { productId: 'b', variantId: '', quantity: 5 },
      { productId: 't', variantId: '', quantity: 1 },
      { productId: 'gone', variantId: '', quantity: 1 },
    ];
    expect(resolveLegacyLines(items, [bun, tee], 99)).toEqual([
      { productId: 'b', variantId: 'b-1', quantity: 99 },
      { productId: 't', variantId: '', quantity: 1 },
      { productId: 'gone', variantId: '', quantity: 1 },
    ]);
  });

  it('answers the same array when there is nothing to resolve, so the store is not written', () => {
    const items = [{ productId: 't', variantId: '', quantity: 1 }];
    expect(resolveLegacyLines(items, [tee], 99)).toBe(items);
  });
});

describe('countItems', () => {
  it('sums the quantities', () => {
    expect(countItems([])).toBe(0);
    expect(
      countItems([
        { productId: 'a', variantId: 'a-1', quantity: 2 },
        { productId: 'b', variantId: 'b-1', quantity: 3 },
      ]),
    ).toBe(5);
  });
});
