import type { Category, Product } from '../../domain/types';

export interface CatalogFilter {
  categorySlug: string | null;
  query: string;
}

const normalize = (text: string) => text.toLocaleLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');

/** Products in the chosen category whose title or description contains every word of the query. */
export function filterProducts(products: readonly Product[], categories: readonly Category[], { categorySlug, query }: CatalogFilter): Product[] {
  const categoryId = categorySlug ? categories.find((c) => c.slug === categorySlug)?.id : undefined;
  const words = normalize(query).split(/\s+/).filter(Boolean);
  return products.filter((product) => {
    if (categorySlug && product.categoryId !== categoryId) return false;
    if (words.length === 0) return true;
    const haystack = normalize(`${product.title} ${product.description}`);
    return words.every((word) => haystack.includes(word));
  });
}

/** Categories in their display order, only those with at least one product. */
export function visibleCategories(categories: readonly Category[], products: readonly Product[]): Category[] {
  const used = new Set(products.map((p) => p.categoryId));
  return categories.filter((c) => used.has(c.id)).sort((a, b) => a.position - b.position);
}
