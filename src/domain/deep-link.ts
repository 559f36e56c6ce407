import { isSlug } from '../../contract/slug';

// Telegram's `startapp` parameter allows only [A-Za-z0-9_-], up to 512 chars
// (core.telegram.org/bots/webapps#direct-link-mini-apps); ours is `product_<slug>`.
const PRODUCT_PREFIX = 'product_';

export type DeepLink = { kind: 'product'; slug: string };

export function parseStartParam(startParam: string | null | undefined): DeepLink | null {
  if (!startParam?.startsWith(PRODUCT_PREFIX)) return null;
  const slug = startParam.slice(PRODUCT_PREFIX.length);
  // A slug in a link typed by hand may come in capitals: it names the same product.
  const lower = slug.toLowerCase();
  return isSlug(lower) ? { kind: 'product', slug: lower } : null;
}
