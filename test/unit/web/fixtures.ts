import type { Order, Product } from '../../../src/domain/types';

/** A product as the server sends it: without options it has one default variant, of its price and stock. */
export function makeProduct(overrides: Partial<Product> = {}): Product {
  const base = {
    id: 'p-1',
    slug: 'cold-brew',
    title: 'Cold brew',
    description: 'Slow steeped for 18 hours.',
    currency: 'TON' as const,
    priceMinor: '1500000000',
    compareAtPriceMinor: null,
    images: ['/media/demo/cold-brew.svg'],
    categoryId: 'c_drinks',
    stock: 10,
    kind: 'physical' as const,
    priceStars: null,
    options: [],
    ...overrides,
  };
  return {
    ...base,
    variants: overrides.variants ?? [{ id: `${base.id}-v`, optionValues: [], sku: null, priceMinor: base.priceMinor, stock: base.stock, image: null }],
  };
}

export function makeOrder(overrides: Partial<Order> = {}): Order {
  return {
    id: 'o-1',
    code: 'K7Q2MX',
    status: 'pending',
    currency: 'TON',
    items: [
      {
        productId: 'p-1',
        variantId: 'p-1-v',
        variantLabel: '',
        sku: null,
        slug: 'cold-brew',
        title: 'Cold brew',
        quantity: 2,
        unitPriceMinor: '1500000000',
        lineTotalMinor: '3000000000',
      },
    ],
    subtotalMinor: '3000000000',
    discountMinor: '0',
    deliveryFeeMinor: '0',
    totalMinor: '3000000000',
    delivery: null,
    note: null,
    promoCode: null,
    createdAt: '2026-11-23T09:00:00.000Z',
    expiresAt: '2026-11-23T09:30:00.000Z',
    updatedAt: '2026-11-23T09:00:00.000Z',
    paidAt: null,
    payment: null,
    quotes: [],
    ...overrides,
  };
}
