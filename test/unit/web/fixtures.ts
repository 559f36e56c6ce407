import type { Order, Product } from '../../../src/domain/types';

export function makeProduct(overrides: Partial<Product> = {}): Product {
  return {
    id: 'p-1',
    slug: 'cold-brew',
    title: 'Cold brew',
    description: 'Slow steeped for 18 hours.',
    priceNano: '1500000000',
    compareAtPriceNano: null,
    images: ['/media/demo/cold-brew.svg'],
    categoryId: 'c_drinks',
    stock: 10,
    ...overrides,
  };
}

export function makeOrder(overrides: Partial<Order> = {}): Order {
  return {
    id: 'o-1',
    code: 'K7Q2MX',
    status: 'pending',
    items: [
      {
        productId: 'p-1',
        slug: 'cold-brew',
        title: 'Cold brew',
        quantity: 2,
        unitPriceNano: '1500000000',
        lineTotalNano: '3000000000',
      },
    ],
    totalNano: '3000000000',
    createdAt: '2026-11-23T09:00:00.000Z',
    expiresAt: '2026-11-23T09:30:00.000Z',
    payment: null,
    ...overrides,
  };
}
