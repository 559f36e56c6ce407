import type { MessengerId } from '../messenger/messenger-id';
/**
 * What became of a Telegram Stars payment (a charge): it paid its order, or it was refunded because
 * another charge had already paid the order (`refunded_duplicate`: a forwarded invoice, a double tap) or
 * because the order could not be paid by it any more (`refunded`).
 */
export const STAR_PAYMENT_STATUSES = ['credited', 'refunded_duplicate', 'refunded'] as const;
export type StarPaymentStatus = (typeof STAR_PAYMENT_STATUSES)[number];

/** Telegram Stars' currency code (core.telegram.org/bots/payments-stars). */
export const STARS_CURRENCY = 'XTR';

/** A Stars payment as Telegram reports it, from a `successful_payment` message or a StarTransaction. */
export interface IncomingStarPayment {
  /** `telegram_payment_charge_id`; a StarTransaction's `id` for an incoming payment is the same. */
  chargeId: string;
  invoicePayload: string;
  currency: string;
  amountStars: number;
  payerTelegramId: MessengerId;
  /** Telegram's time of the payment. */
  paidAt: Date;
  source: 'update' | 'reconciler';
}
