import { Hono, type Context } from 'hono';
import { encodeHex } from '../core/init-data/encoding';
import { z } from 'zod';
import { isSlug } from '../../contract/slug';
import type { CatalogRepo } from '../core/catalog/catalog';
import { isLanguageTag, localizeProduct, parseAcceptLanguage } from '../core/catalog/localize-product';
import { ProductNotFoundError } from '../core/orders/errors';
import { HttpError } from '../http/http-error';
import { text } from '../core/text/storable-text';
import { presentCategory, presentProduct } from './present';

const localeQuery = z.object({ locale: text().refine(isLanguageTag).optional() });

/** What these routes read, for tests that generate requests from it (test/integration/fuzz). */
export const catalogSchemas = { localeQuery };

/** Public catalog reads: no sign-in needed to browse. Product texts come in the asked-for language. */
export function catalogRoutes(deps: { catalog: CatalogRepo }) {
  const app = new Hono();

  app.get('/catalog', async (c) => {
    const wanted = wantedLanguages(c);
    const { categories, products } = await deps.catalog.listCatalog();
    const body = JSON.stringify({
      categories: categories.map(presentCategory),
      products: products.map((product) => presentProduct(localizeProduct(product, wanted))),
    });
    return revalidatedJson(c, body, wanted);
  });

  app.get('/products/:slug', async (c) => {
    const wanted = wantedLanguages(c);
    // Slugs are lower case (contract/slug.ts); a link typed in capitals names the same product.
    const slug = c.req.param('slug').toLowerCase();
    const product = isSlug(slug) ? await deps.catalog.findActiveProductBySlug(slug) : null;
    if (!product) throw new ProductNotFoundError(slug);
    return revalidatedJson(c, JSON.stringify(presentProduct(localizeProduct(product, wanted))), wanted);
  });

  return app;
}

/** `?locale=` when given (the Mini App sends its UI language), else the browser's Accept-Language. */
function wantedLanguages(c: Context): string[] {
  // "fa_IR" as some platforms write it is the same tag as "fa-IR".
  const query = localeQuery.safeParse({ locale: c.req.query('locale')?.replace(/_/g, '-') });
  if (!query.success) {
    throw new HttpError('invalid', 'INVALID_LOCALE', 'locale must be a language tag such as "ru" or "fa-IR"');
  }
  const { locale } = query.data;
  if (locale === undefined) return parseAcceptLanguage(c.req.header('accept-language'));
  return [locale.toLowerCase()];
}

/**
 * Answers with an ETag over the body and the asked-for languages (so caches never hand one language's
 * copy to another), `Vary: Accept-Language`, and a 304 when the client already holds this version.
 * Stock changes with every order, so clients revalidate each time.
 */
async function revalidatedJson(c: Context, body: string, wanted: readonly string[]): Promise<Response> {
  const etag = `"${await sha256Hex(`${wanted.join(',')}\n${body}`)}"`;
  c.header('ETag', etag);
  c.header('Cache-Control', 'public, no-cache');
  c.header('Vary', 'Accept-Language', { append: true });
  if (matchesEtag(c.req.header('if-none-match'), etag)) return c.body(null, 304);
  return c.body(body, 200, { 'Content-Type': 'application/json; charset=utf-8' });
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return encodeHex(new Uint8Array(digest).subarray(0, 16));
}
