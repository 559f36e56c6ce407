// The catalog API answers in the customer's language: product titles and descriptions from the
// merchant's translations (fallback: the shop's default text), chosen by ?locale= or Accept-Language.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { products } from '../../functions/adapters/db/schema';
import { DEMO_PRODUCTS } from '../../functions/core/catalog/demo-catalog';
import { DEMO_TRANSLATIONS } from '../../functions/core/catalog/demo-translations';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // A product translated in part: a Russian title without a description, a Persian description only.
  await t.db.handle.db
    .update(products)
    .set({ translations: { ru: { title: 'Кружка в дорогу, 350 мл' }, fa: { description: 'فولادی دوجداره؛ قهوه را چهار ساعت داغ نگه می‌دارد.' } } })
    .where(eq(products.slug, 'travel-mug'));
});
afterAll(async () => {
  expect(t.errors).toEqual([]);
  await t.close();
});

interface ProductBody {
  slug: string;
  title: string;
  description: string;
  priceMinor: string;
  stock: number;
}

const english = (slug: string) => DEMO_PRODUCTS.find((p) => p.slug === slug)!;

async function catalogIn(init: { query?: string; acceptLanguage?: string } = {}) {
  const res = await t.request(`/api/catalog${init.query ?? ''}`, {
    headers: init.acceptLanguage ? { 'accept-language': init.acceptLanguage } : {},
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { products: ProductBody[] };
  return { res, bySlug: (slug: string) => body.products.find((p) => p.slug === slug)! };
}

describe('GET /api/catalog in other languages', () => {
  it.each(['ru', 'fa', 'hi'] as const)('answers ?locale=%s with the merchant’s translations', async (locale) => {
    const { bySlug } = await catalogIn({ query: `?locale=${locale}` });
    expect(bySlug('espresso-beans')).toMatchObject(DEMO_TRANSLATIONS['espresso-beans']![locale]!);
    expect(bySlug('masala-chai')).toMatchObject(DEMO_TRANSLATIONS['masala-chai']![locale]!);
  });

  it('keeps the default text for products nobody translated', async () => {
    const { bySlug } = await catalogIn({ query: '?locale=fa' });
    expect(bySlug('hand-grinder')).toMatchObject({ title: english('hand-grinder').title, description: english('hand-grinder').description });
  });

  it('falls back field by field when only the title or only the description is translated', async () => {
    const ru = (await catalogIn({ query: '?locale=ru' })).bySlug('travel-mug');
    expect(ru).toMatchObject({ title: 'Кружка в дорогу, 350 мл', description: english('travel-mug').description });
    const fa = (await catalogIn({ query: '?locale=fa' })).bySlug('travel-mug');
    expect(fa).toMatchObject({ title: english('travel-mug').title, description: 'فولادی دوجداره؛ قهوه را چهار ساعت داغ نگه می‌دارد.' });
  });

  it('changes only the words: prices and stock are the same in every language', async () => {
    const en = (await catalogIn()).bySlug('filter-blend');
    const hi = (await catalogIn({ query: '?locale=hi' })).bySlug('filter-blend');
    expect(hi.title).not.toBe(en.title);
    expect({ priceMinor: hi.priceMinor, stock: hi.stock }).toEqual({ priceMinor: en.priceMinor, stock: en.stock });
  });

  it('reads the language from Accept-Language, most wanted first, when there is no ?locale=', async () => {
    const { bySlug } = await catalogIn({ acceptLanguage: 'de-DE,de;q=0.9,ru;q=0.8,en;q=0.5' });
    expect(bySlug('espresso-beans').title).toBe(DEMO_TRANSLATIONS['espresso-beans']!.ru!.title);
    const regional = await catalogIn({ acceptLanguage: 'fa-IR' });
    expect(regional.bySlug('espresso-beans').title).toBe(DEMO_TRANSLATIONS['espresso-beans']!.fa!.title);
  });

  it('takes a regional ?locale= in either spelling', async () => {
    for (const locale of ['fa-IR', 'fa_IR']) {
      const { bySlug } = await catalogIn({ query: `?locale=${locale}` });
      expect(bySlug('espresso-beans').title).toBe(DEMO_TRANSLATIONS['espresso-beans']!.fa!.title);
    }
  });

  it('lets ?locale= win over Accept-Language', async () => {
    const { bySlug } = await catalogIn({ query: '?locale=hi', acceptLanguage: 'ru' });
    expect(bySlug('espresso-beans').title).toBe(DEMO_TRANSLATIONS['espresso-beans']!.hi!.title);
  });

  it('answers in the default language for a language nobody translated', async () => {
    const { bySlug } = await catalogIn({ query: '?locale=de' });
    expect(bySlug('espresso-beans').title).toBe(english('espresso-beans').title);
  });

  it('gives each language its own ETag, and varies by Accept-Language only where that header chose it', async () => {
    const etags = new Set<string>();
    for (const init of [{}, { query: '?locale=ru' }, { query: '?locale=fa' }, { acceptLanguage: 'hi' }, { query: '?locale=de' }]) {
      const { res } = await catalogIn(init);
      // With ?locale= the URL alone names the language, so a CDN may share the copy across browsers.
      if ('query' in init) expect(res.headers.get('vary') ?? '').not.toMatch(/accept-language/i);
      else expect(res.headers.get('vary')).toMatch(/accept-language/i);
      etags.add(res.headers.get('etag')!);
    }
    expect(etags.size).toBe(5);
  });

  it('answers 304 only to the ETag of the same language', async () => {
    const ru = (await catalogIn({ query: '?locale=ru' })).res.headers.get('etag')!;
    const again = await t.request('/api/catalog?locale=ru', { headers: { 'if-none-match': ru } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(ru);
    const otherLanguage = await t.request('/api/catalog?locale=fa', { headers: { 'if-none-match': ru } });
    expect(otherLanguage.status).toBe(200);
  });

  it.each(['ru RU', 'x', '../../etc', 'ru;q=1', 'a'.repeat(40)])('rejects ?locale=%j with 400 INVALID_LOCALE', async (locale) => {
    const res = await t.request(`/api/catalog?locale=${encodeURIComponent(locale)}`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'INVALID_LOCALE' } });
  });

  it('ignores a malformed Accept-Language instead of failing', async () => {
    const { bySlug } = await catalogIn({ acceptLanguage: ';;;,,q=foo, *' });
    expect(bySlug('espresso-beans').title).toBe(english('espresso-beans').title);
  });
});

describe('GET /api/products/:slug in other languages', () => {
  it('answers one product in the asked-for language', async () => {
    const res = await t.request('/api/products/green-sencha?locale=ru');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ slug: 'green-sencha', ...DEMO_TRANSLATIONS['green-sencha']!.ru });
    expect(res.headers.get('vary') ?? '').not.toMatch(/accept-language/i);
  });

  it('takes Accept-Language too, and keeps ETags apart per language', async () => {
    const fa = await t.request('/api/products/green-sencha', { headers: { 'accept-language': 'fa' } });
    expect(((await fa.json()) as ProductBody).title).toBe(DEMO_TRANSLATIONS['green-sencha']!.fa!.title);
    const en = await t.request('/api/products/green-sencha');
    expect(((await en.json()) as ProductBody).title).toBe(english('green-sencha').title);
    expect(fa.headers.get('etag')).not.toBe(en.headers.get('etag'));
    const revalidated = await t.request('/api/products/green-sencha', {
      headers: { 'accept-language': 'fa', 'if-none-match': fa.headers.get('etag')! },
    });
    expect(revalidated.status).toBe(304);
  });

  it('still answers 404 for an unknown product, whatever the language', async () => {
    const res = await t.request('/api/products/no-such-thing?locale=fa');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'PRODUCT_NOT_FOUND' } });
  });
});
