import { Hono } from 'hono';
import type { CatalogRepo } from '../core/catalog/catalog';
import { ProductNotFoundError } from '../core/orders/errors';
import { presentCategory, presentProduct } from './present';

const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

/** Public catalog reads: no sign-in needed to browse. */
export function catalogRoutes(deps: { catalog: CatalogRepo }) {
  const app = new Hono();

  app.get('/catalog', async (c) => {
    const { categories, products } = await deps.catalog.listCatalog();
    const body = JSON.stringify({
      categories: categories.map(presentCategory),
      products: products.map(presentProduct),
    });
    // Stock changes with every order, so clients revalidate each time; the ETag makes that a 304.
    const etag = `"${await sha256Hex(body)}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', 'public, no-cache');
    if (matchesEtag(c.req.header('if-none-match'), etag)) return c.body(null, 304);
    return c.body(body, 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });

  app.get('/products/:slug', async (c) => {
    const slug = c.req.param('slug');
    const product = SLUG.test(slug) ? await deps.catalog.findActiveProductBySlug(slug) : null;
    if (!product) throw new ProductNotFoundError(slug);
    return c.json(presentProduct(product));
  });

  return app;
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
  return Array.from(new Uint8Array(digest).subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
}
