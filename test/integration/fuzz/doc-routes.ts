import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const API_DOC = resolve(import.meta.dirname, '../../../docs/api.md');

/**
 * `METHOD /path` with every parameter written alike, so that docs/api.md's `/media/demo/:slug.svg` and
 * `/media/u/<sha256>.<ext>` (or `/media/u/…`) name the same routes as the app's `/media/demo/:file` and
 * `/media/u/:file`.
 */
export function routeKey(method: string, path: string): string {
  const segments = path.split('/').map((segment) => (/[:<…]/.test(segment) ? ':param' : segment));
  return `${method.toUpperCase()} ${segments.join('/')}`;
}

/**
 * Every route docs/api.md names: each `` `METHOD /path` `` in it (headings and lists alike; `GET|POST`
 * names two; a query string is not part of the route).
 */
export function readDocRoutes(markdown = readFileSync(API_DOC, 'utf8')): Set<string> {
  const routes = new Set<string>();
  for (const match of markdown.matchAll(/`((?:GET|POST|PUT|PATCH|DELETE)(?:\|(?:GET|POST|PUT|PATCH|DELETE))*) (\/[^`\s?]*)[^`]*`/g)) {
    for (const method of match[1]!.split('|')) routes.add(routeKey(method, match[2]!));
  }
  return routes;
}

/** The routes an app built with Hono answers (its middleware, registered for every method, left out). */
export function readAppRoutes(routes: readonly { method: string; path: string }[]): Set<string> {
  return new Set(routes.filter((r) => r.method !== 'ALL').map((r) => routeKey(r.method, r.path)));
}
