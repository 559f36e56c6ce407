// The slug rule: what names a product or a category in a URL, a deep link (`startapp=product_<slug>`) and
// an import file. The server refuses any other slug; the admin form checks the same rule before sending.

export const MAX_SLUG_LENGTH = 100;

/** 1–100 lowercase letters, digits and hyphens, starting with a letter or digit. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,99}$/;

export function isSlug(value: string): boolean {
  return SLUG_PATTERN.test(value);
}
