import { describe, expect, it } from 'vitest';
import type { AdminProduct } from '../../../src/features/admin/common/admin-types';
import { changedFields, draftFromProduct, EMPTY_DRAFT, slugify, validateDraft } from '../../../src/features/admin/products/product-draft';

const product: AdminProduct = {
  id: 'p1',
  slug: 'cold-brew',
  title: 'Cold brew, 1 l',
  description: 'Smooth.',
  priceMinor: '3900000000',
  compareAtPriceMinor: null,
  kind: 'physical',
  priceStars: null,
  stock: 11,
  active: true,
  categoryId: 'c1',
  images: ['/media/a.png', '/media/b.png'],
  translations: { ru: { title: 'Колд брю, 1 л' }, fa: { description: 'نرم' } },
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
};

describe('product draft', () => {
  it('gives back the saved product unchanged when nothing was edited', () => {
    const result = validateDraft(draftFromProduct(product));
    expect(result.ok).toBe(true);
    if (result.ok) expect(changedFields(product, result.input)).toEqual({});
  });

  it('sends only the new price, in nanotons, when only the price changed', () => {
    const result = validateDraft({ ...draftFromProduct(product), price: '4.25' });
    expect(result.ok && changedFields(product, result.input)).toEqual({ priceMinor: '4250000000' });
  });

  it('notices reordered images and a deactivation', () => {
    const result = validateDraft({ ...draftFromProduct(product), images: ['/media/b.png', '/media/a.png'], active: false });
    expect(result.ok && changedFields(product, result.input)).toEqual({ images: ['/media/b.png', '/media/a.png'], active: false });
  });

  it('sends the translations whole when one changes, leaving out empty languages and fields', () => {
    const draft = draftFromProduct(product);
    const result = validateDraft({
      ...draft,
      translations: { ...draft.translations, fa: { title: '', description: ' ' }, hi: { title: 'कोल्ड ब्रू', description: '' } },
    });
    expect(result.ok && changedFields(product, result.input)).toEqual({
      translations: { ru: { title: 'Колд брю, 1 л' }, hi: { title: 'कोल्ड ब्रू' } },
    });
  });

  it('refuses a translated title over 200 characters', () => {
    const draft = draftFromProduct(product);
    const result = validateDraft({ ...draft, translations: { ...draft.translations, ru: { title: 'я'.repeat(201), description: '' } } });
    expect(result).toEqual({ ok: false, errors: { 'title:ru': 'tooLong' } });
  });

  it('sends a digital product and its whole-Stars price when the merchant sets them', () => {
    const result = validateDraft({ ...draftFromProduct(product), kind: 'digital', starsPrice: ' 150 ' });
    expect(result.ok && changedFields(product, result.input)).toEqual({ kind: 'digital', priceStars: 150 });
  });

  it('clears the Stars price when the field is emptied', () => {
    const priced = { ...product, kind: 'digital' as const, priceStars: 150 };
    const result = validateDraft({ ...draftFromProduct(priced), starsPrice: '' });
    expect(result.ok && changedFields(priced, result.input)).toEqual({ priceStars: null });
  });

  it.each(['0', '1.5', '-3', '100001', 'ten'])('refuses %j as a price in Stars', (starsPrice) => {
    expect(validateDraft({ ...draftFromProduct(product), starsPrice })).toEqual({ ok: false, errors: { starsPrice: 'starsFormat' } });
  });

  it('reports each bad field of an empty new product', () => {
    expect(validateDraft(EMPTY_DRAFT)).toEqual({ ok: false, errors: { title: 'required', slug: 'required', price: 'required' } });
  });

  it.each([
    [{ price: '0' }, { price: 'zeroPrice' }],
    [{ price: '1.0000000001' }, { price: 'tooPrecise' }],
    [{ price: 'one' }, { price: 'format' }],
    [{ compareAt: '3' }, { compareAt: 'compareAtLow' }],
    [{ compareAt: '3.9' }, { compareAt: 'compareAtLow' }],
    [{ stock: '-1' }, { stock: 'stockFormat' }],
    [{ stock: '2.5' }, { stock: 'stockFormat' }],
    [{ slug: 'Cold Brew' }, { slug: 'slugFormat' }],
    [{ slug: '-cold' }, { slug: 'slugFormat' }],
  ])('refuses %j', (patch, errors) => {
    expect(validateDraft({ ...draftFromProduct(product), ...patch })).toEqual({ ok: false, errors });
  });

  it('takes a compare-at price above the price and an empty one as none', () => {
    const withCompare = validateDraft({ ...draftFromProduct(product), compareAt: '4.5' });
    expect(withCompare.ok && withCompare.input.compareAtPriceMinor).toBe('4500000000');
    const without = validateDraft({ ...draftFromProduct(product), compareAt: ' ' });
    expect(without.ok && without.input.compareAtPriceMinor).toBeNull();
  });

  it('turns "no category" into null', () => {
    const result = validateDraft({ ...draftFromProduct(product), categoryId: '' });
    expect(result.ok && result.input.categoryId).toBeNull();
  });
});

describe('slugify', () => {
  it.each([
    ['Cold Brew, 1 l', 'cold-brew-1-l'],
    ['Café crème', 'cafe-creme'],
    ['  --Tea--  ', 'tea'],
    ['Чай', ''],
    ['a'.repeat(120), 'a'.repeat(100)],
  ])('%j → %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });
});
