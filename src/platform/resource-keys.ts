// Cache keys shared across features, so the catalog the cart joins is the one the catalog loaded.
export const resourceKeys = {
  catalog: 'catalog',
  product: (slug: string) => `product:${slug}`,
  orders: 'orders',
  order: (id: string) => `order:${id}`,
} as const;
