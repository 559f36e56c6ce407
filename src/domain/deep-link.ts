// Telegram's `startapp` parameter allows only [A-Za-z0-9_-], up to 512 chars
// (core.telegram.org/bots/webapps#direct-link-mini-apps); ours is `product_<slug>`.
const PRODUCT_PREFIX = 'product_';
const SLUG_RE = /^[a-z0-9][a-z0-9-]*$/i;

export type DeepLink = { kind: 'product'; slug: string };

export function parseStartParam(startParam: string | null | undefined): DeepLink | null {
  if (!startParam?.startsWith(PRODUCT_PREFIX)) return null;
  const slug = startParam.slice(PRODUCT_PREFIX.length);
  return SLUG_RE.test(slug) ? { kind: 'product', slug } : null;
}
