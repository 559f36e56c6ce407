import { Hono, type Context } from 'hono';
import { sendPreparedAnswer } from '../http/prepared-json';
import { catalogLanguages, localeQuery, type CatalogRead, type CatalogReads } from './catalog-reads';

/** What these routes read, for tests that generate requests from it (test/integration/fuzz). */
export const catalogSchemas = { localeQuery };

/** Public catalog reads: no sign-in needed to browse. Product texts come in the asked-for language (api/catalog-reads.ts). */
export function catalogRoutes(deps: { catalogReads: CatalogReads }) {
  const app = new Hono();
  const send = async (c: Context, what: CatalogRead['what']) => {
    const answer = await deps.catalogReads.answer({
      what,
      languages: catalogLanguages(c.req.query('locale'), c.req.header('accept-language')),
      acceptEncoding: c.req.header('accept-encoding'),
      ifNoneMatch: c.req.header('if-none-match'),
    });
    return sendPreparedAnswer(c, answer);
  };
  app.get('/catalog', (c) => send(c, { kind: 'catalog' }));
  app.get('/products/:slug', (c) => send(c, { kind: 'product', slug: c.req.param('slug') }));
  return app;
}
