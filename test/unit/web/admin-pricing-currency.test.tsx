// The merchant's prices in the shop's pricing currency (#13): typed with as many decimals as it has, and a
// product still priced in another currency flagged until it is repriced. Static HTML in Node.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { adminKeys } from '../../../src/features/admin/common/admin-resources';
import type { AdminProduct, ProductsAndCategories } from '../../../src/features/admin/common/admin-types';
import { changedFields, draftFromProduct, validateDraft } from '../../../src/features/admin/products/product-draft';
import { ProductEditorScreen } from '../../../src/features/admin/products/product-editor-screen';
import { ProductsScreen } from '../../../src/features/admin/products/products-screen';
import { readVariants } from '../../../src/features/admin/products/variants-draft';
import { readPromoDraft, EMPTY_PROMO } from '../../../src/features/admin/promo-codes/promo-form';
import { ResourceCache } from '../../../src/platform/resource-cache';
import { ResourceCacheContext } from '../../../src/platform/services';

const product = (overrides: Partial<AdminProduct> = {}): AdminProduct => ({
  id: 'p1',
  slug: 'mug',
  title: 'Mug',
  description: '',
  currency: 'USD',
  priceMinor: '1250',
  compareAtPriceMinor: null,
  kind: 'physical',
  priceStars: null,
  stock: 4,
  active: true,
  categoryId: null,
  images: [],
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  ...overrides,
});

function render(node: React.ReactNode, data: ProductsAndCategories) {
  const cache = new ResourceCache();
  cache.set(adminKeys.products, data);
  return renderToStaticMarkup(<ResourceCacheContext.Provider value={cache}>{node}</ResourceCacheContext.Provider>);
}

describe('a price typed in a USD shop', () => {
  const draft = { ...draftFromProduct(product(), 'USD') };

  it('is sent in cents: "12.5" → "1250"', () => {
    const result = validateDraft({ ...draft, price: '12.5', compareAt: '15' }, 'USD');
    expect(result.ok && result.input.priceMinor).toBe('1250');
    expect(result.ok && result.input.compareAtPriceMinor).toBe('1500');
  });

  it('refuses a third decimal instead of rounding it', () => {
    const result = validateDraft({ ...draft, price: '12.505' }, 'USD');
    expect(result).toEqual({ ok: false, errors: { price: 'tooPrecise' } });
  });

  it('shows the saved cents as dollars to edit', () => {
    expect(draft.price).toBe('12.5');
  });

  it('takes whole rials only in an IRR shop, and nine decimals in a TON shop as before', () => {
    expect(validateDraft({ ...draft, price: '1250000' }, 'IRR')).toMatchObject({ ok: true, input: { priceMinor: '1250000' } });
    expect(validateDraft({ ...draft, price: '1250000.5' }, 'IRR')).toEqual({ ok: false, errors: { price: 'tooPrecise' } });
    expect(validateDraft({ ...draft, price: '1.5' }, 'TON')).toMatchObject({ ok: true, input: { priceMinor: '1500000000' } });
  });

  it('reads variant prices and promo amounts in cents too', () => {
    const read = readVariants([{ name: 'Size', values: 'S' }], [{ optionValues: ['S'], sku: '', price: '9.99', stock: '1', image: '', active: true }], 'USD');
    expect(read).toMatchObject({ ok: true, body: { variants: [{ priceMinor: '999' }] } });
    const promo = readPromoDraft({ ...EMPTY_PROMO, code: 'TENOFF', kind: 'fixed', value: '2.5', minSubtotal: '20' }, 'USD');
    expect(promo).toMatchObject({ ok: true, input: { value: '250', minSubtotalMinor: '2000' } });
  });
});

describe('a product priced in another currency than the shop’s', () => {
  const old = product({ currency: 'TON', priceMinor: '1500000000', compareAtPriceMinor: '2000000000' });

  it('starts the editor with empty prices, and saving a new price sends it even when the digits match', () => {
    const draft = draftFromProduct(old, 'USD');
    expect(draft.price).toBe('');
    expect(draft.compareAt).toBe('');
    const result = validateDraft({ ...draft, price: '15000000' }, 'USD');
    expect(result.ok).toBe(true);
    if (result.ok) expect(changedFields(old, result.input, 'USD')).toEqual({ priceMinor: '1500000000', compareAtPriceMinor: null });
  });

  it('is flagged in the product list, its price shown in its own currency', () => {
    const html = render(<ProductsScreen />, { products: [old, product({ id: 'p2', slug: 'cup' })], categories: [], pricingCurrency: 'USD' });
    expect(html.match(/data-testid="other-currency"/g)).toHaveLength(1);
    expect(html).toContain('Priced in TON — not on sale until you set a price in USD');
    expect(html).toContain('1.5 TON');
    expect(html).toContain('$12.50');
  });

  it('is flagged in the editor, whose price fields are labelled with the shop’s currency', () => {
    const html = render(<ProductEditorScreen productId="p1" />, { products: [old], categories: [], pricingCurrency: 'USD' });
    expect(html).toContain('data-testid="product-other-currency"');
    expect(html).toContain('Priced in TON — not on sale until you set a price in USD.');
    expect(html).toContain('Price, USD');
  });

  it('is not flagged when the answer names no pricing currency (an older server: TON) and the product is in TON', () => {
    const html = render(<ProductsScreen />, { products: [{ ...old, currency: undefined }], categories: [] });
    expect(html).not.toContain('data-testid="other-currency"');
    expect(html).toContain('1.5 TON');
  });
});
