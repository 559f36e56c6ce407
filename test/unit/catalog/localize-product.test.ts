import { describe, expect, it } from 'vitest';
import type { Product } from '../../../functions/core/catalog/catalog';
import { isLanguageTag, listTranslatedTitles, localizeProduct, parseAcceptLanguage, pickTranslation } from '../../../functions/core/catalog/localize-product';

const mug: Product = {
  id: 'p1',
  slug: 'mug',
  title: 'Bazaar Mug',
  description: 'Stoneware, 350 ml.',
  currency: 'TON',
  priceMinor: 4_500_000_000n,
  compareAtPriceMinor: null,
  images: [],
  categoryId: null,
  kind: 'physical',
  options: [],
  variants: [{ id: 'v1', optionValues: [], sku: null, priceMinor: null, stock: 3, image: null, active: true }],
  stock: 3,
  active: true,
  translations: {
    ru: { title: 'Кружка Bazaar', description: 'Керамика, 350 мл.' },
    fa: { title: 'ماگ Bazaar' },
    'pt-BR': { title: 'Caneca Bazaar', description: 'Cerâmica, 350 ml.' },
    hi: { title: '   ', description: 'स्टोनवेयर, 350 मिली।' },
  },
};

describe('parseAcceptLanguage', () => {
  it.each([
    ['ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7', ['ru-ru', 'ru', 'en-us', 'en']],
    ['en;q=0.5, fa', ['fa', 'en']],
    ['de;q=0, hi', ['hi']],
    ['*, ru', ['ru']],
    ['', []],
    ['not a tag!!, ;;;, ru', ['ru']],
    ['fa_IR', ['fa-ir']],
    ['ru;q=abc, hi;q=2, fa;q=0.1', ['fa']],
  ])('%j → %j', (header, expected) => {
    expect(parseAcceptLanguage(header)).toEqual(expected);
  });

  it('keeps at most ten languages, so a huge header cannot make the lookup slow', () => {
    const header = Array.from({ length: 50 }, (_, i) => `x${String.fromCharCode(97 + (i % 26))}${i}`).join(',');
    expect(parseAcceptLanguage(header.replace(/\d+/g, ''))).toHaveLength(10);
  });
});

describe('pickTranslation', () => {
  it.each([
    [['ru'], 'ru'],
    [['ru-ru'], 'ru'],
    [['pt-br'], 'pt-BR'],
    [['pt'], 'pt-BR'],
    [['de', 'fa'], 'fa'],
    [['de'], null],
    [[], null],
  ])('%j → %j', (wanted, expected) => {
    expect(pickTranslation(mug.translations!, wanted)).toBe(expected);
  });
});

describe('localizeProduct', () => {
  it('uses the translated title and description', () => {
    expect(localizeProduct(mug, ['ru'])).toMatchObject({ title: 'Кружка Bazaar', description: 'Керамика, 350 мл.' });
  });

  it('falls back field by field to the default text', () => {
    expect(localizeProduct(mug, ['fa'])).toMatchObject({ title: 'ماگ Bazaar', description: 'Stoneware, 350 ml.' });
    expect(localizeProduct(mug, ['hi'])).toMatchObject({ title: 'Bazaar Mug', description: 'स्टोनवेयर, 350 मिली।' });
  });

  it('leaves the product as it is for a language nobody translated, and for none', () => {
    expect(localizeProduct(mug, ['de'])).toBe(mug);
    expect(localizeProduct(mug, [])).toBe(mug);
    expect(localizeProduct({ ...mug, translations: undefined }, ['ru'])).toMatchObject({ title: 'Bazaar Mug' });
  });

  it('never touches price or stock', () => {
    const localized = localizeProduct(mug, ['ru']);
    expect(localized.priceMinor).toBe(4_500_000_000n);
    expect(localized.stock).toBe(3);
  });
});

describe('isLanguageTag', () => {
  it.each(['ru', 'fa-IR', 'zh-Hant-TW', 'pt-br'])('accepts %s', (tag) => expect(isLanguageTag(tag)).toBe(true));
  it.each(['', 'r', 'russian', 'ru RU', 'ru;q=1', '../etc', 'a'.repeat(40)])('rejects %j', (tag) => expect(isLanguageTag(tag)).toBe(false));
});

describe('listTranslatedTitles', () => {
  it('keeps each locale that has a title and leaves out blank or missing ones', () => {
    expect(listTranslatedTitles({ ru: { title: 'Чай' }, fa: { title: '  ' }, hi: { description: 'चाय' } })).toEqual({ ru: 'Чай' });
  });

  it('is empty for a product with no translations', () => {
    expect(listTranslatedTitles(null)).toEqual({});
  });
});
