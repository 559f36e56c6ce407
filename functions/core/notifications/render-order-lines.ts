import type { Locale } from './locale';
import { escapeHtml } from './escape-html';
import { formatTon } from './format-ton';
import type { Messages } from './messages/messages';
import type { NotifiedOrder } from './outbox-message';

/** Past this many lines a message lists "…and N more": Telegram cuts a message at 4096 characters. */
export const MAX_LISTED_ITEMS = 20;

/** The order's lines and total as HTML: `• Title × 2 — 3 TON` … `<b>Total:</b> 6 TON`. */
export function renderOrderLines(order: NotifiedOrder, locale: Locale, messages: Messages): string {
  const lines = order.items.slice(0, MAX_LISTED_ITEMS).map((item) => {
    const title = escapeHtml(item.titles[locale] ?? item.title);
    return `• ${title} × ${item.quantity} — ${messages.isolate(formatTon(item.lineTotalNano))}`;
  });
  if (order.items.length > MAX_LISTED_ITEMS) lines.push(messages.moreItems(order.items.length - MAX_LISTED_ITEMS));
  lines.push('', `<b>${messages.total}:</b> ${messages.isolate(formatTon(order.totalNano))}`);
  return lines.join('\n');
}

/** The order code as the messages show it: monospace, so it reads as a code, kept left-to-right. */
export function renderOrderCode(order: NotifiedOrder, messages: Messages): string {
  return messages.isolate(`<code>${escapeHtml(order.code)}</code>`);
}
