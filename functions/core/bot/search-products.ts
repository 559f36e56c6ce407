import type { Product } from '../catalog/catalog';

/**
 * Folds text for matching what people type: compatibility forms (full-width, ligatures), case, Latin
 * accents ("cafe" finds "Café"), and the Arabic letters a Persian keyboard may give for Persian ones
 * (ي / ى for ی, ك for ک, ة for ه), which look alike and are typed interchangeably. Persian and Arabic
 * marks (harakat) are dropped as accents are.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670]/g, '')
    .replace(/[\u064a\u0649]/g, '\u06cc')
    .replace(/\u0643/g, '\u06a9')
    .replace(/\u0629/g, '\u0647')
    .replace(/\u200c/g, ' ')
    .toLowerCase()
    .normalize('NFC');
}

/**
 * The products an inline query finds, best first: every word of the query must appear in the product's
 * title (in any of its languages) or description. Ranked by where the words are found: a title that
 * starts with the query, then every word in a title, then the rest; the catalog's order within each.
 * An empty query lists the catalog as it is.
 */
export function searchProducts(products: readonly Product[], query: string): Product[] {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...products];
  const whole = words.join(' ');
  const ranked: { product: Product; rank: number; index: number }[] = [];
  products.forEach((product, index) => {
    const titles = [product.title, ...Object.values(product.translations ?? {}).map((t) => t.title ?? '')].map(foldForSearch);
    const descriptions = [product.description, ...Object.values(product.translations ?? {}).map((t) => t.description ?? '')].map(foldForSearch);
    const everything = [...titles, ...descriptions].join('\n');
    if (!words.every((word) => everything.includes(word))) return;
    const rank = titles.some((title) => title.startsWith(whole)) ? 0 : titles.some((title) => words.every((word) => title.includes(word))) ? 1 : 2;
    ranked.push({ product, rank, index });
  });
  return ranked.sort((a, b) => a.rank - b.rank || a.index - b.index).map((entry) => entry.product);
}
