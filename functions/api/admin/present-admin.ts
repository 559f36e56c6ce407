import type { AdminProductRow } from '../../adapters/db/product-admin-repo';
import type { AdminOrderDetail, AdminOrderSummary } from '../../core/admin/admin-order';
import { explorerTxUrl } from '../../core/admin/explorer-url';
import { allowedAdminActions } from '../../core/admin/order-actions';
import type { PaymentRecord } from '../../core/payments/payment-repo';
import type { TonNetwork } from '../../core/payments/payment-intent';
import { presentPayment, presentProduct } from '../present';

// The merchant's JSON shapes (docs/api.md, "Admin"): money as decimal strings of nanotons, dates ISO.

export function presentAdminOrderSummary(order: AdminOrderSummary) {
  return {
    id: order.id,
    code: order.code,
    status: order.status,
    totalNano: order.totalNano.toString(),
    createdAt: order.createdAt.toISOString(),
    paidAt: order.paidAt?.toISOString() ?? null,
    itemCount: order.itemCount,
    customer: order.customer,
  };
}

export function presentAdminOrder(order: AdminOrderDetail, network: TonNetwork) {
  return {
    ...presentAdminOrderSummary(order),
    items: order.items.map((item) => ({
      productId: item.productId,
      slug: item.slug,
      title: item.title,
      unitPriceNano: item.unitPriceNano.toString(),
      quantity: item.quantity,
      lineTotalNano: item.lineTotalNano.toString(),
    })),
    expiresAt: order.expiresAt.toISOString(),
    payments: order.payments.map((p) => ({
      id: p.id,
      txHash: p.txHash,
      explorerUrl: explorerTxUrl(network, p.txHash),
      amountNano: p.amountNano.toString(),
      overpaymentNano: p.overpaymentNano.toString(),
      status: p.status,
      reason: p.reason,
      chainTime: p.chainTime.toISOString(),
    })),
    allowedActions: allowedAdminActions(order.status),
  };
}

/** A payment in the merchant's list: the customer-facing fields plus its id and an explorer link. */
export function presentAdminPayment(payment: PaymentRecord, network: TonNetwork) {
  return { id: payment.id, ...presentPayment(payment), explorerUrl: explorerTxUrl(network, payment.txHash) };
}

/** A product as the shop shows it, plus what only the merchant edits or sees. */
export function presentAdminProduct(product: AdminProductRow) {
  return {
    ...presentProduct(product),
    active: product.active,
    translations: product.translations,
    createdAt: product.createdAt.toISOString(),
    updatedAt: product.updatedAt.toISOString(),
  };
}
