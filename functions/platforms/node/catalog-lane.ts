import type { IncomingMessage, ServerResponse } from 'node:http';
import { catalogLanguages, type CatalogRead, type CatalogReads } from '../../api/catalog-reads';
import { acceptsGzip } from '../../http/prepared-json';

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

// What the lane takes, by construction free of anything the text rule (http/refuse-unstorable-url.ts)
// refuses: no percent-escapes, no `+`, nothing but letters, digits, `-` and `_` in the parts it reads.
const CATALOG_PATH = '/api/catalog';
const PRODUCT_PREFIX = '/api/products/';
const SLUG_SEGMENT = /^[A-Za-z0-9-]+$/;
const LOCALE_QUERY = /^locale=([A-Za-z0-9_-]+)$/;

/**
 * The Node server's fast way for the two reads a spike is made of (#14): `GET /api/catalog` and
 * `GET /api/products/:slug` answered straight from the app's own catalog answers (api/catalog-reads.ts,
 * the very instance its Hono routes use), without building a Request, routing through the whole app and
 * its middleware, and a Response. Measured in docs/performance.md: that framework path cost more than
 * twice the answer itself. Only plain reads are taken (a query of `locale=<tag>` or none, a slug of
 * letters, digits and dashes); anything else, and any read that fails (no such product, a malformed
 * locale, the database down), goes to `app` as if the lane did not exist, so every error and every odd
 * request is answered by the routes alone, in their words.
 */
export function withCatalogLane(reads: CatalogReads, app: Listener): Listener {
  return (req, res) => {
    const read = catalogReadOf(req);
    if (!read) {
      app(req, res);
      return;
    }
    reads.answer(read).then(
      (answer) => {
        res.writeHead(answer.status, answer.headers);
        res.end(answer.body ?? undefined);
      },
      () => app(req, res),
    );
  };
}

/** The read a request asks for when the lane can take it, else null. Exported for its tests. */
export function catalogReadOf(req: Pick<IncomingMessage, 'method' | 'url' | 'headers'>): CatalogRead | null {
  if (req.method !== 'GET' || !req.url) return null;
  const question = req.url.indexOf('?');
  const path = question === -1 ? req.url : req.url.slice(0, question);
  const query = question === -1 ? '' : req.url.slice(question + 1);
  let what: CatalogRead['what'];
  if (path === CATALOG_PATH) what = { kind: 'catalog' };
  else if (path.startsWith(PRODUCT_PREFIX) && SLUG_SEGMENT.test(path.slice(PRODUCT_PREFIX.length))) {
    what = { kind: 'product', slug: path.slice(PRODUCT_PREFIX.length) };
  } else return null;
  let locale: string | undefined;
  if (query !== '') {
    const match = LOCALE_QUERY.exec(query);
    if (!match) return null;
    locale = match[1];
  }
  const header = (name: string) => {
    const value = req.headers[name];
    return typeof value === 'string' ? value : undefined;
  };
  let languages;
  try {
    languages = catalogLanguages(locale, header('accept-language'));
  } catch {
    return null;
  }
  const acceptEncoding = header('accept-encoding');
  // The app's compress() would deflate a body for a client that takes deflate and not gzip; leave those
  // to it, so an answer never depends on which way it went.
  if (acceptEncoding && /deflate/i.test(acceptEncoding) && !acceptsGzip(acceptEncoding)) return null;
  return { what, languages, acceptEncoding, ifNoneMatch: header('if-none-match') };
}
