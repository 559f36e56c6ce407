export interface Category {
  id: string;
  slug: string;
  title: string;
  position: number;
}

export interface Product {
  id: string;
  slug: string;
  title: string;
  description: string;
  priceNano: bigint;
  compareAtPriceNano: bigint | null;
  images: string[];
  categoryId: string | null;
  stock: number;
  active: boolean;
}

/** The catalog port. Implemented in adapters/db/catalog-repo.ts. */
export interface CatalogRepo {
  /** Active products and the categories, in display order. */
  listCatalog(): Promise<{ categories: Category[]; products: Product[] }>;
  findActiveProductBySlug(slug: string): Promise<Product | null>;
}
