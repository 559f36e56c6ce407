import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { isSlug } from '../../contract/slug';
import type { CatalogRepo } from '../core/catalog/catalog';
import { isLanguageTag, localizeProduct, parseAcceptLanguage } from '../core/catalog/localize-product';
import { ProductNotFoundError } from '../core/orders/errors';
import { HttpError } from '../http/http-error';
import { text } from '../core/text/storable-text';
import { presentCategory, presentProduct } from './present';
import { createCatalogSnapshot } from '../core/catalog/catalog-snapshot';
import { prepareJson, sendPreparedJson, type PreparedJson } from '../http/prepared-json';

const localeQuery = z.object({ locale: text().refine(isLanguageTag).optional() });

/** What these routes read, for tests that generate requests from it (test/integration/fuzz). */
export const catalogSchemas = { localeQuery };

/**
 * How long a shared cache (a CDN) may keep a catalog answer: fresh for 1 s, then served stale for 1 s more
 * while it asks again. No host here can be told to purge on an admin write, so these two are the whole
 * bound on what a customer behind a CDN sees: an edit shows within 1 + 1 = 2 s (docs/performance.md, per
 * host). Browsers keep nothing fresh (max-age=0) and revalidate by ETag.
 */
export const SHARED_CACHE_CONTROL = 'public, max-age=0, s-maxage=1, stale-while-revalidate=1';
/**
 * Without `?locale=` the answer depends on Accept-Language, and a CDN that keys by URL alone (some ignore
 * Vary) would hand one language's copy to another: such answers are revalidated by every cache.
 */
export const REVALIDATE_CACHE_CONTROL = 'public, no-cache';
/** Kept answers per instance: a catalog per language asked for, and a product page per language. */
const MAX_SNAPSHOT_ENTRIES = 512;

/**
 * Public catalog reads: no sign-in needed to browse. Product texts come in the asked-for language. Each
 * answer is made once per catalog version and language (core/catalog/catalog-snapshot.ts): a request
 * costs one read of the version, and a client holding the current ETag gets a 304.
 */
export function catalogRoutes(deps: { catalog: CatalogRepo; precompressCatalog?: boolean }) {
  const app = new Hono();
  const snapshot = createCatalogSnapshot<PreparedJson>({ readVersion: () => deps.catalog.readVersion(), maxEntries: MAX_SNAPSHOT_ENTRIES });
  const prepare = (body: string, wanted: readonly string[]) => prepareJson(body, wanted.join(','), { gzip: deps.precompressCatalog ?? false });

  app.get('/catalog', async (c) => {
    const { wanted, fromQuery } = wantedLanguages(c);
    const prepared = await snapshot.get(`catalog\n${wanted.join(',')}`, async () => {
      const { categories, products } = await deps.catalog.listCatalog();
      const body = JSON.stringify({
        categories: categories.map(presentCategory),
        products: products.map((product) => presentProduct(localizeProduct(product, wanted))),
      });
      return prepare(body, wanted);
    });
    return sendCatalogJson(c, prepared, fromQuery);
  });

  app.get('/products/:slug', async (c) => {
    const { wanted, fromQuery } = wantedLanguages(c);
    // Slugs are lower case (contract/slug.ts); a link typed in capitals names the same product.
    const slug = c.req.param('slug').toLowerCase();
    if (!isSlug(slug)) throw new ProductNotFoundError(slug);
    const prepared = await snapshot.get(`product\n${slug}\n${wanted.join(',')}`, async () => {
      const product = await deps.catalog.findActiveProductBySlug(slug);
      if (!product) throw new ProductNotFoundError(slug);
      return prepare(JSON.stringify(presentProduct(localizeProduct(product, wanted))), wanted);
    });
    return sendCatalogJson(c, prepared, fromQuery);
  });

  return app;
}

/**
 * The ETag covers the body and the languages; `Vary: Accept-Language` only when that header chose them.
 * Stock changes with every order, so clients revalidate each time (a 304 is a few bytes).
 */
function sendCatalogJson(c: Context, prepared: PreparedJson, languageFromQuery: boolean): Response {
  return sendPreparedJson(c, prepared, {
    cacheControl: languageFromQuery ? SHARED_CACHE_CONTROL : REVALIDATE_CACHE_CONTROL,
    vary: languageFromQuery ? [] : ['Accept-Language'],
  });
}

/** `?locale=` when given (the Mini App sends its UI language), else the browser's Accept-Language. */
function wantedLanguages(c: Context): { wanted: string[]; fromQuery: boolean } {
  // "fa_IR" as some platforms write it is the same tag as "fa-IR".
  const query = localeQuery.safeParse({ locale: c.req.query('locale')?.replace(/_/g, '-') });
  if (!query.success) {
    throw new HttpError('invalid', 'INVALID_LOCALE', 'locale must be a language tag such as "ru" or "fa-IR"');
  }
  const { locale } = query.data;
  if (locale === undefined) return { wanted: parseAcceptLanguage(c.req.header('accept-language')), fromQuery: false };
  return { wanted: [locale.toLowerCase()], fromQuery: true };
}
