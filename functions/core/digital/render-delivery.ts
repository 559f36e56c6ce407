import type { MessengerId } from '../messenger/messenger-id';
import { isPaid } from '../orders/order-lifecycle';
import { escapeHtml } from '../notifications/escape-html';
import { htmlMessage, webAppButton } from '../notifications/html-message';
import { pickLocale } from '../notifications/locale';
import { messagesFor } from '../notifications/messages/catalogs';
import { orderPath } from '../notifications/order-links';
import type { TelegramOutboxMessage } from '../notifications/outbox-message';
import { renderOrderCode } from '../notifications/render-order-lines';
import type { InlineKeyboardButton, SendMessageParams } from '../telegram/bot-api';
import type { DigitalFile } from './digital-content';

/** A delivery as the outbox sends it: a message, a document to upload from the BlobStore, or nothing. */
export type RenderedDelivery =
  | { kind: 'send'; params: SendMessageParams }
  | {
      kind: 'send_document';
      params: { chat_id: MessengerId; caption: string; parse_mode: 'HTML'; reply_markup?: { inline_keyboard: InlineKeyboardButton[][] } };
      file: DigitalFile;
    }
  | { kind: 'skip'; reason: string };

/**
 * A paid digital product for the customer's chat, in their language: the file as a document (its caption
 * names the product and the order), the keys or the text in a message, each key in <code> so a tap copies
 * it. Nothing once the order is no longer paid (refunded, cancelled) or the content is gone.
 */
export function renderDigitalDelivery(message: TelegramOutboxMessage, publicUrl: string | undefined): RenderedDelivery {
  const order = message.order;
  if (!order) return { kind: 'skip', reason: 'the order no longer exists' };
  if (!isPaid(order.status)) return { kind: 'skip', reason: `the order is ${order.status} now` };
  const delivery = message.digital;
  if (!delivery) return { kind: 'skip', reason: 'the product has nothing to deliver' };
  const t = messagesFor(pickLocale(message.languageCode));
  const code = renderOrderCode(order, t);
  const title = escapeHtml(delivery.title);
  const button = webAppButton(t.openOrderButton, publicUrl, orderPath(order.id));
  switch (delivery.kind) {
    case 'file':
      return {
        kind: 'send_document',
        params: {
          chat_id: message.chatId,
          caption: [t.digitalFileCaption(code, title), t.digitalKeepIt].join('\n'),
          parse_mode: 'HTML',
          ...(button && { reply_markup: { inline_keyboard: [[button]] } }),
        },
        file: delivery.file,
      };
    case 'license_keys':
      return {
        kind: 'send',
        params: htmlMessage(
          message.chatId,
          [t.digitalKeysTitle(code, title), ...delivery.keys.map((key) => `<code>${escapeHtml(key)}</code>`), '', t.digitalKeepIt],
          [button],
        ),
      };
    case 'text':
      return { kind: 'send', params: htmlMessage(message.chatId, [t.digitalTextTitle(code, title), escapeHtml(delivery.text), '', t.digitalKeepIt], [button]) };
  }
}
