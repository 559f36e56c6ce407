import type { MessengerId } from '../messenger/messenger-id';
import type { OrderTotals } from '../checkout/order-totals';
import type { DeliverySnapshot } from '../delivery/delivery-details';
import type { OrderLine } from '../orders/order';
import type { OrderStatus } from '../orders/order-status';
import type { PricingCurrency } from '../pricing/currencies';
import type { PaymentRecord } from '../payments/payment-repo';
import type { Refund } from '../refunds/refund';

/** Who placed an order, as the merchant sees it. */
export interface OrderCustomer {
  id: string;
  telegramId: MessengerId | null;
  firstName: string;
  lastName: string | null;
  username: string | null;
}

/** An order in the merchant's list. */
export interface AdminOrderSummary extends OrderTotals {
  id: string;
  code: string;
  status: OrderStatus;
  /** What its totals (and its lines') count: the shop's pricing currency when it was placed. */
  currency: PricingCurrency;
  /** How it goes to the customer (the method's kind and name, the address or pickup point); null: nothing asked. */
  delivery: DeliverySnapshot | null;
  createdAt: Date;
  paidAt: Date | null;
  /** Units ordered (sum of the lines' quantities). */
  itemCount: number;
  customer: OrderCustomer;
}

/** An order with everything the merchant's detail screen shows. */
export interface AdminOrderDetail extends AdminOrderSummary {
  items: OrderLine[];
  note: string;
  promoCode: string | null;
  expiresAt: Date;
  payments: PaymentRecord[];
  /** The Telegram Stars charges recorded for it (a credited one can be refunded from the admin). */
  starCharges: { chargeId: string; amountStars: number; status: string; reason: string | null }[];
  /** Refunds from the merchant's own wallet, oldest first. */
  refunds: Refund[];
}

/** A position in the newest-first order list: the last row of the previous page. */
export interface OrderCursor {
  createdAt: Date;
  id: string;
}

/** The cursor as an opaque URL-safe string. */
export function encodeOrderCursor(cursor: OrderCursor): string {
  return btoa(`${cursor.createdAt.toISOString()}|${cursor.id}`).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// The years an order can have been created in; outside them a date PostgreSQL may not even keep.
const CURSOR_YEARS = { min: 2000, max: 9999 };

/** The cursor a client sent back, or null when it is not one this server made. */
export function decodeOrderCursor(text: string): OrderCursor | null {
  try {
    const [iso, id, ...rest] = atob(text.replace(/-/g, '+').replace(/_/g, '/')).split('|');
    const createdAt = new Date(iso ?? '');
    if (Number.isNaN(createdAt.getTime()) || rest.length > 0 || !id || !UUID.test(id)) return null;
    const year = createdAt.getUTCFullYear();
    if (year < CURSOR_YEARS.min || year > CURSOR_YEARS.max) return null;
    return { createdAt, id: id.toLowerCase() };
  } catch {
    return null;
  }
}
