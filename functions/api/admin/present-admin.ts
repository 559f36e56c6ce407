import type { Refund } from '../../core/refunds/refund';
import { canTransition } from '../../core/orders/order-lifecycle';
import type { AdminProduct } from '../../adapters/db/product-admin-repo';
import type { AdminOrderDetail, AdminOrderSummary } from '../../core/admin/admin-order';
import { explorerTxUrl } from '../../core/admin/explorer-url';
import { allowedAdminActions } from '../../core/admin/order-actions';
import type { PaymentRecord } from '../../core/payments/payment-repo';
import type { TonNetwork } from '../../core/payments/payment-intent';
import { presentOrderLine, presentPayment, presentProduct, presentTotals, presentVariant } from '../present';

// The merchant's JSON shapes (docs/api.md, "Admin"): money as decimal strings of the smallest unit of the
// `currency` beside it (an order's, a product's; payments and refunds name their asset), dates ISO.

export function presentAdminOrderSummary(order: AdminOrderSummary) {
  return {
    id: order.id,
    code: order.code,
    status: order.status,
    currency: order.currency,
    ...presentTotals(order),
    delivery: order.delivery ? { kind: order.delivery.kind, methodName: order.delivery.methodName } : null,
    createdAt: order.createdAt.toISOString(),
    paidAt: order.paidAt?.toISOString() ?? null,
    itemCount: order.itemCount,
    customer: order.customer,
  };
}

export function presentAdminOrder(order: AdminOrderDetail, network: TonNetwork) {
  return {
    ...presentAdminOrderSummary(order),
    items: order.items.map(presentOrderLine),
    delivery: order.delivery,
    note: order.note,
    promoCode: order.promoCode,
    expiresAt: order.expiresAt.toISOString(),
    payments: order.payments.map((p) => ({
      id: p.id,
      txHash: p.txHash,
      explorerUrl: explorerTxUrl(network, p.txHash),
      asset: p.asset,
      amountNano: p.amountNano.toString(),
      overpaymentNano: p.overpaymentNano.toString(),
      status: p.status,
      reason: p.reason,
      chainTime: p.chainTime.toISOString(),
    })),
    allowedActions: allowedAdminActions(order.status),
    starCharges: order.starCharges,
    refunds: order.refunds.map((refund) => presentRefund(refund, network)),
    /** A credited Stars charge and a status the lifecycle lets refund: the admin shows "Refund the Stars". */
    starsRefundable: order.starCharges.some((charge) => charge.status === 'credited') && canTransition(order.status, 'refund'),
  };
}

/** A payment in the merchant's list: the customer-facing fields plus its id and an explorer link. */
export function presentAdminPayment(payment: PaymentRecord, network: TonNetwork) {
  return { id: payment.id, ...presentPayment(payment), explorerUrl: explorerTxUrl(network, payment.txHash) };
}

/**
 * A product as the shop shows it (its `currency` included: one other than the shop's pricing currency is
 * not sold until repriced), plus what only the merchant edits or sees.
 */
export function presentAdminProduct(product: AdminProduct) {
  return {
    ...presentProduct(product),
    // Every variant, switched-off ones too, with the merchant's own price override (null: the product's).
    variants: product.variants.map((variant) => ({
      ...presentVariant(product, variant),
      priceOverrideMinor: variant.priceMinor?.toString() ?? null,
      active: variant.active,
    })),
    active: product.active,
    priceStars: product.priceStars,
    translations: product.translations,
    createdAt: product.createdAt.toISOString(),
    updatedAt: product.updatedAt.toISOString(),
  };
}

/** A refund as the admin shows it: amounts as text in the smallest unit, hashes hex, a link once confirmed. */
export function presentRefund(refund: Refund, network: TonNetwork) {
  return {
    id: refund.id,
    asset: refund.asset,
    amount: refund.amount.toString(),
    recipient: refund.recipient,
    status: refund.status,
    validUntil: refund.validUntil,
    messageHash: refund.messageHash,
    transactionHash: refund.transactionHash,
    explorerUrl: refund.transactionHash ? explorerTxUrl(network, refund.transactionHash) : null,
    createdAt: refund.createdAt.toISOString(),
  };
}
