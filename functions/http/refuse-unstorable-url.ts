import type { MiddlewareHandler } from 'hono';
import { isStorableText, TextInvalidError } from '../core/text/storable-text';

/**
 * The text rule (core/text/storable-text.ts) for every request's address, before any route runs: no
 * decoded path segment, query name or query value may hold U+0000 (`%00`) or an unpaired surrogate. A
 * route's own schema never sees one, so a route added later cannot forget the rule.
 */
export const refuseUnstorableUrl: MiddlewareHandler = async (c, next) => {
  const url = new URL(c.req.url);
  if (!url.pathname.split('/').every((segment) => isStorableText(decodeLeniently(segment)))) {
    throw new TextInvalidError('the path');
  }
  for (const pair of url.search.slice(1).split('&')) {
    if (!isStorableText(decodeLeniently(pair.replaceAll('+', ' ')))) throw new TextInvalidError('the query');
  }
  await next();
};

// Decodes as Hono's routing and c.req.query() do: each run of percent-escapes that is valid UTF-8 is
// decoded, one that is not (`%ED%A0%80`, the bytes of a surrogate) is kept as written, so this check
// sees exactly the text a route would.
function decodeLeniently(text: string): string {
  if (!text.includes('%')) return text;
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (escapes) => {
    try {
      return decodeURIComponent(escapes);
    } catch {
      return escapes;
    }
  });
}
