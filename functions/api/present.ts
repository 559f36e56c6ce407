import type { Category, Product } from '../core/catalog/catalog';
import { variantPrice, type ProductVariant } from '../core/catalog/variants';
import type { Order, OrderLine } from '../core/orders/order';
import type { OrderTotals } from '../core/checkout/order-totals';
import type { PaymentIntent } from '../core/payments/payment-intent';
import type { PaymentRecord } from '../core/payments/payment-repo';
import type { CategoryJson, ProductJson, ProductVariantJson } from '../../contract/catalog-json';
import type { OrderItemJson, OrderJson, OrderPaymentJson, OrderQuoteJson, PaymentRecordJson, PaymentRequestJson } from '../../contract/order-json';
import type { AssetQuote } from '../core/pricing/quote-order';
import type { PaymentRequest } from '../core/payments/payment-request';

// JSON has no bigint: money leaves the server as a decimal string of nanotons, never a float. The catalog's
// shapes are contract/'s, which the Mini App reads too: a field changed here must change there.

export function presentCategory(category: Category): CategoryJson {
  return { id: category.id, slug: category.slug, title: category.title, position: category.position };
}

export function presentProduct(product: Product): ProductJson {
  return {
    id: product.id,
    slug: product.slug,
    title: product.title,
    description: product.description,
    currency: product.currency,
    priceMinor: product.priceMinor.toString(),
    compareAtPriceMinor: product.compareAtPriceMinor?.toString() ?? null,
    images: product.images,
    categoryId: product.categoryId,
    kind: product.kind,
    priceStars: product.priceStars ?? null,
    options: product.options,
    variants: product.variants.map((variant) => presentVariant(product, variant)),
    stock: product.stock,
  };
}

/** A variant as the storefront shows it: its own price (or the product's), stock and picture. */
export function presentVariant(product: Pick<Product, 'priceMinor'>, variant: ProductVariant): ProductVariantJson {
  return {
    id: variant.id,
    optionValues: variant.optionValues,
    sku: variant.sku,
    priceMinor: variantPrice(product.priceMinor, variant).toString(),
    stock: variant.stock,
    image: variant.image,
  };
}

export function presentPaymentIntent(intent: PaymentIntent): OrderPaymentJson {
  return {
    address: intent.address,
    amountNano: intent.amountNano?.toString() ?? null,
    comment: intent.comment,
    validUntil: intent.validUntil,
    network: intent.network,
    payload: intent.payload,
  };
}

export function presentPayment(payment: PaymentRecord): PaymentRecordJson {
  return {
    txHash: payment.txHash,
    lt: payment.txLt.toString(),
    orderId: payment.orderId,
    orderCode: payment.orderCode,
    payerAddress: payment.payerAddress,
    asset: payment.asset,
    amountNano: payment.amountNano.toString(),
    overpaymentNano: payment.overpaymentNano.toString(),
    comment: payment.comment,
    status: payment.status,
    reason: payment.reason,
    chainTime: payment.chainTime.toISOString(),
    recordedAt: payment.recordedAt.toISOString(),
  };
}

/**
 * An order for its customer. `payment` is the payment intent while the order can be paid, else null;
 * `payments` (order detail only) lists the chain transactions recorded for it.
 */
export function presentOrder(order: Order, extras: { intent?: PaymentIntent | null; payments?: PaymentRecord[] } = {}): OrderJson {
  return {
    id: order.id,
    code: order.code,
    status: order.status,
    items: order.items.map(presentOrderLine),
    currency: order.currency,
    ...presentTotals(order),
    delivery: order.delivery,
    note: order.note,
    promoCode: order.promoCode,
    createdAt: order.createdAt.toISOString(),
    expiresAt: order.expiresAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
    paidAt: order.paidAt?.toISOString() ?? null,
    payment: extras.intent ? presentPaymentIntent(extras.intent) : null,
    quotes: order.quotes.map(presentQuote),
    ...(extras.payments && { payments: extras.payments.map(presentPayment) }),
  };
}

/** A payment request: the amount as a decimal string, the TON Connect request as a wallet takes it. */
export function presentPaymentRequest(request: PaymentRequest): PaymentRequestJson {
  return { asset: request.asset, amount: request.amount.toString(), request: request.request };
}

/** A stored quote: the amount as a decimal string of the asset's smallest unit, the times ISO-8601. */
export function presentQuote(quote: AssetQuote): OrderQuoteJson {
  return {
    asset: quote.asset,
    amount: quote.amount.toString(),
    rate: quote.rate,
    source: quote.source,
    fetchedAt: new Date(quote.fetchedAt).toISOString(),
    lockedUntil: new Date(quote.lockedUntil).toISOString(),
  };
}

/** An order line: what was sold (the variant and its label) at which price. */
export function presentOrderLine(item: OrderLine): OrderItemJson {
  return {
    productId: item.productId,
    variantId: item.variantId,
    slug: item.slug,
    title: item.title,
    variantLabel: item.variantLabel,
    sku: item.sku,
    quantity: item.quantity,
    unitPriceMinor: item.unitPriceMinor.toString(),
    lineTotalMinor: item.lineTotalMinor.toString(),
  };
}

/** total = subtotal − discount + delivery fee, every part as a decimal string (core/checkout/order-totals.ts). */
export function presentTotals(totals: OrderTotals) {
  return {
    subtotalMinor: totals.subtotalMinor.toString(),
    discountMinor: totals.discountMinor.toString(),
    deliveryFeeMinor: totals.deliveryFeeMinor.toString(),
    totalMinor: totals.totalMinor.toString(),
  };
}
