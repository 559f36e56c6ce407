import type { Locale } from './locale';
import { escapeHtml } from './escape-html';
import { formatMoneyPlain } from '../../../contract/format-money';
import type { Messages } from './messages/messages';
import type { NotifiedOrder } from './outbox-message';

/** Past this many lines a message lists "…and N more": Telegram cuts a message at 4096 characters. */
export const MAX_LISTED_ITEMS = 20;

/**
 * The order's lines and total as HTML, in the order's currency: `• Title (M / Black) × 2 — 3 TON` … then, when there is a discount
 * or a delivery fee, items, discount and delivery, and `<b>Total:</b> 6 TON` (core/checkout/order-totals.ts).
 */
export function renderOrderLines(order: NotifiedOrder, locale: Locale, messages: Messages): string {
  const amount = (minor: bigint) => messages.isolate(formatMoneyPlain(minor, order.currency, locale));
  const lines = order.items.slice(0, MAX_LISTED_ITEMS).map((item) => {
    const title = escapeHtml(item.titles[locale] ?? item.title);
    const variant = item.variantLabel ? ` (${messages.isolate(escapeHtml(item.variantLabel))})` : '';
    return `• ${title}${variant} × ${item.quantity} — ${amount(item.lineTotalMinor)}`;
  });
  if (order.items.length > MAX_LISTED_ITEMS) lines.push(messages.moreItems(order.items.length - MAX_LISTED_ITEMS));
  lines.push('');
  if (order.discountMinor > 0n || order.deliveryFeeMinor > 0n) {
    lines.push(`${messages.subtotal}: ${amount(order.subtotalMinor)}`);
    if (order.discountMinor > 0n) lines.push(`${messages.discount}: −${amount(order.discountMinor)}`);
    if (order.deliveryFeeMinor > 0n) lines.push(`${messages.deliveryFee}: ${amount(order.deliveryFeeMinor)}`);
  }
  lines.push(`<b>${messages.total}:</b> ${amount(order.totalMinor)}`);
  return lines.join('\n');
}

/**
 * For the merchant: how the order goes and what the customer said, enough to fulfil it from the message
 * alone. Names and addresses are isolated so that a Latin address keeps its order in Persian text.
 */
export function renderFulfilment(order: NotifiedOrder, messages: Messages): string[] {
  const lines: string[] = [];
  const delivery = order.delivery;
  const text = (value: string) => messages.isolate(escapeHtml(value));
  if (delivery) {
    const zone = delivery.zoneName ? ` — ${text(delivery.zoneName)}` : '';
    lines.push(`<b>${messages.merchantDelivery}:</b> ${text(delivery.methodName)}${zone}`);
    const a = delivery.address;
    if (a) {
      if (a.recipientName) lines.push(text(a.recipientName));
      for (const part of [a.line1, a.line2, [a.postalCode, a.city].filter(Boolean).join(' '), [a.region, a.country].filter(Boolean).join(', ')]) {
        if (part) lines.push(text(part));
      }
      if (a.phone) lines.push(`${messages.merchantPhone}: ${messages.isolate(`<code>${escapeHtml(a.phone)}</code>`)}`);
    }
    const point = delivery.pickupPoint;
    if (point) lines.push(`${text(point.name)}, ${text(point.address)}`);
  }
  if (order.note) lines.push(`<b>${messages.merchantNote}:</b> ${escapeHtml(order.note)}`);
  return lines;
}

/** The order code as the messages show it: monospace, so it reads as a code, kept left-to-right. */
export function renderOrderCode(order: NotifiedOrder, messages: Messages): string {
  return messages.isolate(`<code>${escapeHtml(order.code)}</code>`);
}
