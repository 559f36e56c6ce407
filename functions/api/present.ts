import type { Category, Product } from '../core/catalog/catalog';
import type { Order } from '../core/orders/order';

// JSON has no bigint: money leaves the server as a decimal string of nanotons, never a float.

export function presentCategory(category: Category) {
  return { id: category.id, slug: category.slug, title: category.title, position: category.position };
}

export function presentProduct(product: Product) {
  return {
    id: product.id,
    slug: product.slug,
    title: product.title,
    description: product.description,
    priceNano: product.priceNano.toString(),
    compareAtPriceNano: product.compareAtPriceNano?.toString() ?? null,
    images: product.images,
    categoryId: product.categoryId,
    stock: product.stock,
  };
}

export function presentOrder(order: Order) {
  return {
    id: order.id,
    code: order.code,
    status: order.status,
    items: order.items.map((item) => ({
      productId: item.productId,
      slug: item.slug,
      title: item.title,
      quantity: item.quantity,
      unitPriceNano: item.unitPriceNano.toString(),
      lineTotalNano: item.lineTotalNano.toString(),
    })),
    totalNano: order.totalNano.toString(),
    createdAt: order.createdAt.toISOString(),
    expiresAt: order.expiresAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
    // Filled in by the TON payment intent (the payments issue).
    payment: null,
  };
}
