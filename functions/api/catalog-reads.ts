import { z } from 'zod';
import { isSlug } from '../../contract/slug';
import type { CatalogRepo } from '../core/catalog/catalog';
import { isLanguageTag, localizeProduct, parseAcceptLanguage } from '../core/catalog/localize-product';
import { createCatalogSnapshot } from '../core/catalog/catalog-snapshot';
import { ProductNotFoundError } from '../core/orders/errors';
import { text } from '../core/text/storable-text';
import { HttpError } from '../http/http-error';
import { answerPreparedJson, prepareJson, type PreparedAnswer, type PreparedJson, type PreparedRequest } from '../http/prepared-json';
import { presentCategory, presentProduct } from './present';

export const localeQuery = z.object({ locale: text().refine(isLanguageTag).optional() });

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

/** Which languages an answer is in, and whether the URL (`?locale=`) or Accept-Language chose them. */
export interface CatalogLanguages {
  wanted: string[];
  fromQuery: boolean;
}

/** One public catalog read, whatever carried it: the Hono routes or the Node server's catalog lane. */
export interface CatalogRead extends PreparedRequest {
  /** A product's slug as the URL wrote it (any case), or the whole catalog. */
  what: { kind: 'catalog' } | { kind: 'product'; slug: string };
  languages: CatalogLanguages;
}

/**
 * The catalog's public answers: each made once per catalog version and language
 * (core/catalog/catalog-snapshot.ts), so a read costs one read of the version, and a client holding the
 * current ETag gets a 304. One instance per app: its answers are shared by every way a read arrives.
 */
export interface CatalogReads {
  /** @throws ProductNotFoundError for no active product of that slug */
  answer(read: CatalogRead): Promise<PreparedAnswer>;
}

/** `precompress`: keep the answers gzipped too (the Node server; serverless hosts compress at their edge). */
export function createCatalogReads(deps: { catalog: CatalogRepo; precompress: boolean }): CatalogReads {
  const snapshot = createCatalogSnapshot<PreparedJson>({ readVersion: () => deps.catalog.readVersion(), maxEntries: MAX_SNAPSHOT_ENTRIES });
  const prepare = (body: string, wanted: readonly string[]) => prepareJson(body, wanted.join(','), { gzip: deps.precompress });

  const catalog = (wanted: string[]) =>
    snapshot.get(`catalog\n${wanted.join(',')}`, async () => {
      const { categories, products } = await deps.catalog.listCatalog();
      const body = JSON.stringify({
        currency: deps.catalog.currency,
        categories: categories.map(presentCategory),
        products: products.map((product) => presentProduct(localizeProduct(product, wanted))),
      });
      return prepare(body, wanted);
    });

  const product = (typedSlug: string, wanted: string[]) => {
    // Slugs are lower case (contract/slug.ts); a link typed in capitals names the same product.
    const slug = typedSlug.toLowerCase();
    if (!isSlug(slug)) return Promise.reject(new ProductNotFoundError(slug));
    return snapshot.get(`product\n${slug}\n${wanted.join(',')}`, async () => {
      const found = await deps.catalog.findActiveProductBySlug(slug);
      if (!found) throw new ProductNotFoundError(slug);
      return prepare(JSON.stringify(presentProduct(localizeProduct(found, wanted))), wanted);
    });
  };

  return {
    async answer(read) {
      const { wanted, fromQuery } = read.languages;
      const prepared = read.what.kind === 'catalog' ? await catalog(wanted) : await product(read.what.slug, wanted);
      // The ETag covers the body and the languages; `Vary: Accept-Language` only when that header chose
      // them. Stock changes with every order, so clients revalidate each time (a 304 is a few bytes).
      return answerPreparedJson(read, prepared, {
        cacheControl: fromQuery ? SHARED_CACHE_CONTROL : REVALIDATE_CACHE_CONTROL,
        vary: fromQuery ? [] : ['Accept-Language'],
      });
    },
  };
}

/**
 * `?locale=` when given (the Mini App sends its UI language), else the browser's Accept-Language.
 * `locale` is the query value as decoded, undefined when absent.
 * @throws HttpError INVALID_LOCALE for a value that is not a language tag
 */
export function catalogLanguages(locale: string | undefined, acceptLanguage: string | undefined): CatalogLanguages {
  // "fa_IR" as some platforms write it is the same tag as "fa-IR".
  const query = localeQuery.safeParse({ locale: locale?.replace(/_/g, '-') });
  if (!query.success) {
    throw new HttpError('invalid', 'INVALID_LOCALE', 'locale must be a language tag such as "ru" or "fa-IR"');
  }
  const tag = query.data.locale;
  if (tag === undefined) return { wanted: parseAcceptLanguage(acceptLanguage), fromQuery: false };
  return { wanted: [tag.toLowerCase()], fromQuery: true };
}
