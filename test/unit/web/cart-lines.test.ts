import { describe, expect, it } from 'vitest';
import { isCartOrderable, joinCartWithCatalog, previewTotalNano } from '../../../src/domain/cart-lines';
import { countItems } from '../../../src/features/cart/store';
import { makeProduct } from './fixtures';

const brew = makeProduct({ id: 'a', priceNano: '1500000000', stock: 3 });
const bun = makeProduct({ id: 'b', slug: 'bun', priceNano: '250000000', stock: 10 });

describe('joinCartWithCatalog', () => {
  it('prices each line from the catalog', () => {
    const lines = joinCartWithCatalog(
      [
        { productId: 'a', quantity: 2 },
        { productId: 'b', quantity: 3 },
      ],
      [brew, bun],
    );
    expect(lines.map((l) => (l.kind === 'available' ? l.lineTotalNano : null))).toEqual(['3000000000', '750000000']);
    expect(previewTotalNano(lines)).toBe('3750000000');
    expect(isCartOrderable(lines)).toBe(true);
  });

  it('keeps a product that left the catalog as an unavailable line, out of the total', () => {
    const lines = joinCartWithCatalog(
      [
        { productId: 'gone', quantity: 1 },
        { productId: 'b', quantity: 1 },
      ],
      [bun],
    );
    expect(lines[0]).toEqual({ kind: 'unavailable', item: { productId: 'gone', quantity: 1 } });
    expect(previewTotalNano(lines)).toBe('250000000');
    expect(isCartOrderable(lines)).toBe(false);
  });

  it('marks a line above the stock so the cart cannot be sent', () => {
    const lines = joinCartWithCatalog([{ productId: 'a', quantity: 4 }], [brew]);
    expect(lines[0]).toMatchObject({ kind: 'available', overStock: true });
    expect(isCartOrderable(lines)).toBe(false);
  });

  it('does not allow ordering an empty cart', () => {
    expect(isCartOrderable([])).toBe(false);
  });
});

describe('countItems', () => {
  it('sums the quantities', () => {
    expect(countItems([])).toBe(0);
    expect(
      countItems([
        { productId: 'a', quantity: 2 },
        { productId: 'b', quantity: 3 },
      ]),
    ).toBe(5);
  });
});
