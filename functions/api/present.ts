import type { Category, Product } from '../core/catalog/catalog';
import type { Order } from '../core/orders/order';
import type { PaymentIntent } from '../core/payments/payment-intent';
import type { PaymentRecord } from '../core/payments/payment-repo';

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

export function presentPaymentIntent(intent: PaymentIntent) {
  return {
    address: intent.address,
    amountNano: intent.amountNano.toString(),
    comment: intent.comment,
    validUntil: intent.validUntil,
    network: intent.network,
    payload: intent.payload,
  };
}

export function presentPayment(payment: PaymentRecord) {
  return {
    txHash: payment.txHash,
    lt: payment.txLt.toString(),
    orderId: payment.orderId,
    orderCode: payment.orderCode,
    payerAddress: payment.payerAddress,
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
export function presentOrder(order: Order, extras: { intent?: PaymentIntent | null; payments?: PaymentRecord[] } = {}) {
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
    paidAt: order.paidAt?.toISOString() ?? null,
    payment: extras.intent ? presentPaymentIntent(extras.intent) : null,
    ...(extras.payments && { payments: extras.payments.map(presentPayment) }),
  };
}
