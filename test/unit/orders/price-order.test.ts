import { describe, expect, it } from 'vitest';
import { normalizeRequestedItems, priceOrder, type ProductForPricing } from '../../../functions/core/orders/price-order';

const product = (id: string, priceNano: bigint, stock = 10, active = true): ProductForPricing => ({
  id,
  slug: id,
  title: `Product ${id}`,
  priceNano,
  stock,
  active,
});

const catalog = new Map([
  ['a', product('a', 1_500_000_000n)],
  ['b', product('b', 333_333_333n, 3)],
  ['off', product('off', 1n, 5, false)],
  ['empty', product('empty', 1n, 0)],
  ['huge', product('huge', 9_000_000_000_000_000n, 99)],
]);

describe('priceOrder', () => {
  it('prices each line at the product price and sums them in nanotons', () => {
    const priced = priceOrder(
      [
        { productId: 'a', quantity: 2 },
        { productId: 'b', quantity: 3 },
      ],
      catalog,
    );
    expect(priced.lines.map((l) => l.lineTotalNano)).toEqual([3_000_000_000n, 999_999_999n]);
    expect(priced.totalNano).toBe(3_999_999_999n);
  });

  it('stays exact beyond the range of a float', () => {
    // 2^53 + 1 nanotons: the first integer a JS number cannot hold.
    const odd = new Map([['odd', product('odd', 9_007_199_254_740_993n, 5)]]);
    expect(priceOrder([{ productId: 'odd', quantity: 1 }], odd).totalNano.toString()).toBe('9007199254740993');
    expect(priceOrder([{ productId: 'huge', quantity: 99 }], catalog).totalNano).toBe(891_000_000_000_000_000n);
  });

  it.each([
    ['an unknown product', [{ productId: 'zzz', quantity: 1 }], 'PRODUCT_NOT_FOUND'],
    ['an inactive product', [{ productId: 'off', quantity: 1 }], 'PRODUCT_INACTIVE'],
    ['a sold-out product', [{ productId: 'empty', quantity: 1 }], 'OUT_OF_STOCK'],
    ['more than the stock', [{ productId: 'b', quantity: 4 }], 'OUT_OF_STOCK'],
    ['nothing', [], 'ORDER_EMPTY'],
    ['quantity 0', [{ productId: 'a', quantity: 0 }], 'QUANTITY_INVALID'],
    ['a negative quantity', [{ productId: 'a', quantity: -1 }], 'QUANTITY_INVALID'],
    ['a fractional quantity', [{ productId: 'a', quantity: 0.5 }], 'QUANTITY_INVALID'],
    ['NaN', [{ productId: 'a', quantity: Number.NaN }], 'QUANTITY_INVALID'],
  ])('rejects %s with %s', (_name, items, code) => {
    expect(() => priceOrder(items, catalog)).toThrowError(expect.objectContaining({ code }));
  });

  it('allows buying the last units exactly', () => {
    expect(priceOrder([{ productId: 'b', quantity: 3 }], catalog).totalNano).toBe(999_999_999n);
  });

  it('reports the first failing line in the order the customer listed them', () => {
    expect(() =>
      priceOrder(
        [
          { productId: 'a', quantity: 1 },
          { productId: 'empty', quantity: 1 },
          { productId: 'zzz', quantity: 1 },
        ],
        catalog,
      ),
    ).toThrowError(expect.objectContaining({ code: 'OUT_OF_STOCK' }));
  });
});

describe('normalizeRequestedItems', () => {
  it('folds a repeated product into one line, keeping first-seen order', () => {
    expect(
      normalizeRequestedItems([
        { productId: 'b', quantity: 1 },
        { productId: 'a', quantity: 2 },
        { productId: 'b', quantity: 4 },
      ]),
    ).toEqual([
      { productId: 'b', quantity: 5 },
      { productId: 'a', quantity: 2 },
    ]);
  });

  it('applies the per-line limit after folding', () => {
    expect(() =>
      normalizeRequestedItems([
        { productId: 'a', quantity: 50 },
        { productId: 'a', quantity: 50 },
      ]),
    ).toThrowError(expect.objectContaining({ code: 'QUANTITY_INVALID' }));
    expect(
      normalizeRequestedItems([
        { productId: 'a', quantity: 49 },
        { productId: 'a', quantity: 50 },
      ]),
    ).toEqual([{ productId: 'a', quantity: 99 }]);
  });

  it('refuses more than 50 different products', () => {
    const items = Array.from({ length: 51 }, (_, i) => ({ productId: `p${i}`, quantity: 1 }));
    expect(() => normalizeRequestedItems(items)).toThrowError(expect.objectContaining({ code: 'TOO_MANY_ITEMS' }));
    expect(normalizeRequestedItems(items.slice(0, 50))).toHaveLength(50);
  });
});
