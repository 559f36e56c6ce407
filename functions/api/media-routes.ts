import { Hono } from 'hono';
import { DEMO_CATEGORIES, DEMO_PRODUCTS } from '../core/catalog/demo-catalog';
import { drawDemoImage } from '../core/catalog/demo-image';
import { errorResponse } from '../http/error-handler';

const ICON_BY_CATEGORY = new Map(DEMO_CATEGORIES.map((c) => [c.id, c.icon]));
const DEMO_ICON_BY_SLUG = new Map(
  DEMO_PRODUCTS.map((p) => [p.slug, ICON_BY_CATEGORY.get(p.categoryId) ?? 'gift'] as const),
);

/** The demo catalog's pictures, drawn on request (they never change, so they cache for a year). */
export function mediaRoutes() {
  const app = new Hono();
  app.get('/demo/:file', (c) => {
    const slug = /^([a-z0-9-]+)\.svg$/.exec(c.req.param('file'))?.[1];
    const icon = slug ? DEMO_ICON_BY_SLUG.get(slug) : undefined;
    if (!slug || !icon) return errorResponse(c, 404, 'MEDIA_NOT_FOUND', 'No such image.');
    return c.body(drawDemoImage(slug, icon), 200, {
      'Content-Type': 'image/svg+xml; charset=utf-8',
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
    });
  });
  return app;
}
