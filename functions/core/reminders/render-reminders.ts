import type { MessengerId } from '../messenger/messenger-id';
import { UNSUBSCRIBE_CALLBACK } from '../marketing/marketing-choice';
import { escapeHtml } from '../notifications/escape-html';
import { webAppButton } from '../notifications/html-message';
import { pickLocale } from '../notifications/locale';
import { messagesFor } from '../notifications/messages/catalogs';
import { productPath } from '../notifications/order-links';
import type { TelegramOutboxMessage } from '../notifications/outbox-message';
import type { RenderedNotification } from '../notifications/render-notification';
import type { InlineKeyboardButton } from '../telegram/bot-api';

/** The route of the Mini App's cart: a `web_app` button opens the Mini App right there (private chats only). */
export const CART_PATH = '/cart';

/**
 * The abandoned-cart reminder in the customer's language: a button back to the cart and, as under every
 * marketing message, Unsubscribe. Consent and the cart are read at send time: skipped once the customer
 * opted out, or when the cart was ordered or emptied after the reminder was planned.
 */
export function renderAbandonedCart(message: TelegramOutboxMessage, publicUrl: string | undefined): RenderedNotification {
  if (message.marketingOptedOut) return { kind: 'skip', reason: 'the customer opted out of offers' };
  if (message.cartStillOpen !== true) return { kind: 'skip', reason: 'the cart was ordered or emptied' };
  const t = messagesFor(pickLocale(message.languageCode));
  const pieces = typeof message.payload.pieces === 'number' && message.payload.pieces > 0 ? message.payload.pieces : 1;
  const open = webAppButton(t.cartReminderButton, publicUrl, CART_PATH);
  return send(
    message.chatId,
    [t.cartReminderTitle(pieces), t.cartReminderBody],
    [...(open ? [[open]] : []), [{ text: t.marketingUnsubscribeButton, callback_data: UNSUBSCRIBE_CALLBACK }]],
  );
}

/**
 * The one back-in-stock message, in the customer's language, with a button to the product. Sent even to
 * someone who opted out of offers: they asked for this very message with "Notify me", and opting out of
 * marketing is not taking that back (removing the alert is). A blocked bot settles it as blocked.
 */
export function renderBackInStock(message: TelegramOutboxMessage, publicUrl: string | undefined): RenderedNotification {
  const { slug, title, titles, variantLabel } = message.payload as { slug?: unknown; title?: unknown; titles?: unknown; variantLabel?: unknown };
  if (typeof slug !== 'string' || typeof title !== 'string') return { kind: 'skip', reason: 'the alert names no product' };
  const locale = pickLocale(message.languageCode);
  const t = messagesFor(locale);
  const translated = titles && typeof titles === 'object' ? (titles as Record<string, unknown>)[locale] : undefined;
  const name = escapeHtml(typeof translated === 'string' && translated.trim() ? translated : title);
  const label = typeof variantLabel === 'string' && variantLabel ? ` (${t.isolate(escapeHtml(variantLabel))})` : '';
  const open = webAppButton(t.backInStockButton, publicUrl, productPath(slug));
  return send(message.chatId, [t.backInStockTitle(`${name}${label}`), t.backInStockBody], open ? [[open]] : []);
}

function send(chatId: MessengerId, paragraphs: string[], rows: InlineKeyboardButton[][]): RenderedNotification {
  return {
    kind: 'send',
    params: {
      chat_id: chatId,
      text: paragraphs.join('\n'),
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(rows.length > 0 && { reply_markup: { inline_keyboard: rows } }),
    },
  };
}
