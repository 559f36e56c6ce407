import { describe, expect, it } from 'vitest';
import { normalizeRequestedItems, priceOrder, type VariantForPricing } from '../../../functions/core/orders/price-order';

const variant = (id: string, unitPriceMinor: bigint, stock = 10, active = true, optionValues: string[] = []): VariantForPricing => ({
  variantId: id,
  productId: `product-${id}`,
  slug: id,
  title: `Product ${id}`,
  kind: 'physical',
  categoryId: null,
  optionValues,
  sku: null,
  unitPriceMinor,
  currency: 'TON',
  stock,
  active,
});

const catalog = new Map([
  ['a', variant('a', 1_500_000_000n)],
  ['b', variant('b', 333_333_333n, 3)],
  ['off', variant('off', 1n, 5, false)],
  ['empty', variant('empty', 1n, 0)],
  ['huge', variant('huge', 9_000_000_000_000_000n, 99)],
  ['tee-m-black', variant('tee-m-black', 12n, 1, true, ['M', 'Black'])],
]);

describe('priceOrder', () => {
  it('prices each line at the variant price and sums them in nanotons', () => {
    const priced = priceOrder(
      [
        { variantId: 'a', quantity: 2 },
        { variantId: 'b', quantity: 3 },
      ],
      catalog,
      'TON',
    );
    expect(priced.lines.map((l) => l.lineTotalMinor)).toEqual([3_000_000_000n, 999_999_999n]);
    expect(priced.subtotalMinor).toBe(3_999_999_999n);
  });

  it('names the variant on its line', () => {
    const [line] = priceOrder([{ variantId: 'tee-m-black', quantity: 1 }], catalog, 'TON').lines;
    expect(line).toMatchObject({ variantId: 'tee-m-black', productId: 'product-tee-m-black', variantLabel: 'M / Black', unitPriceMinor: 12n });
  });

  it('says which variant is short when it runs out', () => {
    expect(() => priceOrder([{ variantId: 'tee-m-black', quantity: 2 }], catalog, 'TON')).toThrowError(
      expect.objectContaining({ code: 'OUT_OF_STOCK', message: expect.stringContaining('(M / Black)') }),
    );
  });

  it('stays exact beyond the range of a float', () => {
    // 2^53 + 1 nanotons: the first integer a JS number cannot hold.
    const odd = new Map([['odd', variant('odd', 9_007_199_254_740_993n, 5)]]);
    expect(priceOrder([{ variantId: 'odd', quantity: 1 }], odd, 'TON').subtotalMinor.toString()).toBe('9007199254740993');
    expect(priceOrder([{ variantId: 'huge', quantity: 99 }], catalog, 'TON').subtotalMinor).toBe(891_000_000_000_000_000n);
  });

  it('refuses a total beyond what an order holds (int64)', () => {
    const twoHuge = new Map([['x', variant('x', 2n ** 62n, 5)]]);
    expect(() => priceOrder([{ variantId: 'x', quantity: 2 }], twoHuge, 'TON')).toThrowError(expect.objectContaining({ code: 'ORDER_TOTAL_TOO_LARGE' }));
  });

  it.each([
    ['an unknown variant', [{ variantId: 'zzz', quantity: 1 }], 'PRODUCT_NOT_FOUND'],
    ['an inactive variant', [{ variantId: 'off', quantity: 1 }], 'PRODUCT_INACTIVE'],
    ['a sold-out variant', [{ variantId: 'empty', quantity: 1 }], 'OUT_OF_STOCK'],
    ['more than the stock', [{ variantId: 'b', quantity: 4 }], 'OUT_OF_STOCK'],
    ['nothing', [], 'ORDER_EMPTY'],
    ['quantity 0', [{ variantId: 'a', quantity: 0 }], 'QUANTITY_INVALID'],
    ['a negative quantity', [{ variantId: 'a', quantity: -1 }], 'QUANTITY_INVALID'],
    ['a fractional quantity', [{ variantId: 'a', quantity: 0.5 }], 'QUANTITY_INVALID'],
    ['NaN', [{ variantId: 'a', quantity: Number.NaN }], 'QUANTITY_INVALID'],
  ])('rejects %s with %s', (_name, items, code) => {
    expect(() => priceOrder(items, catalog, 'TON')).toThrowError(expect.objectContaining({ code }));
  });

  it('sells nothing priced in another currency than the shop prices in now (12 USD cents are not 12 nanotons)', () => {
    const shop = new Map([
      ['ton-priced', { ...variant('ton-priced', 1_500_000_000n), currency: 'TON' as const }],
      ['usd-priced', { ...variant('usd-priced', 1250n), currency: 'USD' as const }],
    ]);
    const priced = priceOrder([{ variantId: 'usd-priced', quantity: 2 }], shop, 'USD');
    expect(priced).toMatchObject({ currency: 'USD', subtotalMinor: 2500n });
    expect(() => priceOrder([{ variantId: 'ton-priced', quantity: 1 }], shop, 'USD')).toThrowError(expect.objectContaining({ code: 'PRODUCT_INACTIVE' }));
    expect(() => priceOrder([{ variantId: 'usd-priced', quantity: 1 }], shop, 'TON')).toThrowError(expect.objectContaining({ code: 'PRODUCT_INACTIVE' }));
  });

  it('allows buying the last units exactly', () => {
    expect(priceOrder([{ variantId: 'b', quantity: 3 }], catalog, 'TON').subtotalMinor).toBe(999_999_999n);
  });

  it('reports the first failing line in the order the customer listed them', () => {
    expect(() =>
      priceOrder(
        [
          { variantId: 'a', quantity: 1 },
          { variantId: 'empty', quantity: 1 },
          { variantId: 'zzz', quantity: 1 },
        ],
        catalog,
        'TON',
      ),
    ).toThrowError(expect.objectContaining({ code: 'OUT_OF_STOCK' }));
  });
});

describe('normalizeRequestedItems', () => {
  it('folds a repeated variant into one line, keeping first-seen order', () => {
    expect(
      normalizeRequestedItems([
        { variantId: 'b', quantity: 1 },
        { variantId: 'a', quantity: 2 },
        { variantId: 'b', quantity: 4 },
      ]),
    ).toEqual([
      { variantId: 'b', quantity: 5 },
      { variantId: 'a', quantity: 2 },
    ]);
  });

  it('applies the per-line limit after folding', () => {
    expect(() =>
      normalizeRequestedItems([
        { variantId: 'a', quantity: 50 },
        { variantId: 'a', quantity: 50 },
      ]),
    ).toThrowError(expect.objectContaining({ code: 'QUANTITY_INVALID' }));
    expect(
      normalizeRequestedItems([
        { variantId: 'a', quantity: 49 },
        { variantId: 'a', quantity: 50 },
      ]),
    ).toEqual([{ variantId: 'a', quantity: 99 }]);
  });

  it('refuses more than 50 different variants', () => {
    const items = Array.from({ length: 51 }, (_, i) => ({ variantId: `p${i}`, quantity: 1 }));
    expect(() => normalizeRequestedItems(items)).toThrowError(expect.objectContaining({ code: 'TOO_MANY_ITEMS' }));
    expect(normalizeRequestedItems(items.slice(0, 50))).toHaveLength(50);
  });
});
