import { messengerIdOf, type MessengerId } from '../messenger/messenger-id';
import { renderStatusLine } from './status-line';
import type { ChannelPost } from '../channels/channel-post';
import type { DigitalFile } from '../digital/digital-content';
import { renderDigitalDelivery } from '../digital/render-delivery';
import { renderAbandonedCart, renderBackInStock } from '../reminders/render-reminders';
import { renderAnnouncement, type AnnouncementContent } from '../marketing/announcement';
import type { InlineKeyboardButton, RefundStarPaymentParams, SendMessageParams, SendPhotoParams } from '../telegram/bot-api';
import { formatMoneyPlain } from '../../../contract/format-money';
import { escapeHtml } from './escape-html';
import { refundComment } from '../refunds/refund-comment';
import { pickLocale } from './locale';
import { messagesFor } from './messages/catalogs';
import { htmlMessage, urlButton, webAppButton } from './html-message';
import { adminOrderPath, orderPath } from './order-links';
import type { NotifiedOrder, TelegramOutboxMessage } from './outbox-message';
import { renderFulfilment, renderOrderCode, renderOrderLines } from './render-order-lines';

export type RenderedNotification =
  | { kind: 'send'; params: SendMessageParams }
  | { kind: 'send_photo'; params: SendPhotoParams }
  /** A digital product's file: sendDocument with the bytes read from the BlobStore at send time. */
  | {
      kind: 'send_document';
      params: { chat_id: MessengerId; caption: string; parse_mode: 'HTML'; reply_markup?: { inline_keyboard: InlineKeyboardButton[][] } };
      file: DigitalFile;
    }
  /** A Stars refund (outbox kind `stars_refund`): a refundStarPayment call, not a message. */
  | { kind: 'refund_stars'; params: RefundStarPaymentParams }
  /** Nothing to say any more (e.g. a payment reminder for an order paid meanwhile), or nothing to say it with. */
  | { kind: 'skip'; reason: string };

export interface RenderOptions {
  /** The shop's public https address (PUBLIC_URL); buttons are left out without it. */
  publicUrl: string | undefined;
  now: Date;
}

/**
 * Turns an outbox message into the `sendMessage` request for its recipient, in their language, from the
 * current order data. Every piece of customer or merchant text is HTML-escaped here.
 */
export function renderNotification(message: TelegramOutboxMessage, options: RenderOptions): RenderedNotification {
  if (message.kind === 'bot_reply') return renderBotReply(message);
  if (message.kind === 'channel_post') return renderChannelPost(message);
  if (message.kind === 'announcement') return renderAnnouncementMessage(message);
  if (message.kind === 'stars_refund') return renderStarsRefund(message);
  if (message.kind === 'digital_delivery') return renderDigitalDelivery(message, options.publicUrl);
  if (message.kind === 'abandoned_cart') return renderAbandonedCart(message, options.publicUrl);
  if (message.kind === 'back_in_stock') return renderBackInStock(message, options.publicUrl);
  const order = message.order;
  if (!order) return { kind: 'skip', reason: 'the order no longer exists' };
  const locale = pickLocale(message.languageCode);
  const t = messagesFor(locale);
  const code = renderOrderCode(order, t);

  switch (message.kind) {
    case 'order_paid_customer':
      return send(
        message.chatId,
        [t.paidTitle(code), '', renderOrderLines(order, locale, t), '', t.paidNext],
        [webAppButton(t.openOrderButton, options.publicUrl, orderPath(order.id))],
      );
    case 'order_paid_merchant':
      return send(
        message.chatId,
        [
          t.merchantNewOrder(code),
          `${t.merchantCustomer}: ${renderCustomer(order.customer)}`,
          '',
          renderOrderLines(order, locale, t),
          ...withGap(renderFulfilment(order, t)),
        ],
        // A plain url button: web_app buttons are allowed only in private chats, and merchant chats are often groups.
        [urlButton(t.merchantOpenButton, options.publicUrl, adminOrderPath(order.id))],
      );
    case 'order_status_customer': {
      const status = typeof message.payload.status === 'string' ? message.payload.status : order.status;
      return send(message.chatId, [renderStatusLine(t, status, code)], [webAppButton(t.openOrderButton, options.publicUrl, orderPath(order.id))]);
    }
    case 'refund_confirmed_customer': {
      const { asset, amount } = message.payload;
      if ((asset !== 'TON' && asset !== 'USDT') || typeof amount !== 'string' || !/^\d+$/.test(amount)) {
        return { kind: 'skip', reason: 'the refund entry names no TON or USDT amount' };
      }
      // The same plain "1,234.5 TON" / "12.25 USDT" whatever the language, as every amount in these messages.
      const shown = formatMoneyPlain(amount, asset, locale);
      return send(
        message.chatId,
        [t.refundConfirmed(code, t.isolate(shown), t.isolate(`<code>${escapeHtml(refundComment(order.code))}</code>`))],
        [webAppButton(t.openOrderButton, options.publicUrl, orderPath(order.id))],
      );
    }
    case 'order_expiring_customer': {
      const secondsLeft = (order.expiresAt.getTime() - options.now.getTime()) / 1000;
      if (order.status !== 'pending' || secondsLeft <= 0) return { kind: 'skip', reason: `the order is ${order.status} now` };
      return send(
        message.chatId,
        [t.expiringTitle(code, Math.max(1, Math.ceil(secondsLeft / 60))), t.expiringBody],
        [webAppButton(t.payButton, options.publicUrl, orderPath(order.id))],
      );
    }
    default:
      throw new Error(`no renderer for outbox kind ${String((message as { kind: unknown }).kind)}`);
  }
}

/** Name, a mention link the merchant can tap to write to the customer, and the @username. */
function renderCustomer(customer: NotifiedOrder['customer']): string {
  const name = escapeHtml([customer.firstName, customer.lastName].filter(Boolean).join(' ') || '—');
  // tg://user?id=… opens the person's profile: core.telegram.org/bots/api#html-style
  const linked = customer.telegramId !== null ? `<a href="tg://user?id=${customer.telegramId}">${name}</a>` : name;
  return customer.username ? `${linked} (@${escapeHtml(customer.username)})` : linked;
}

function renderBotReply(message: TelegramOutboxMessage): RenderedNotification {
  const { text, parse_mode, reply_markup, link_preview_options } = message.payload as Partial<SendMessageParams>;
  if (typeof text !== 'string' || text === '') return { kind: 'skip', reason: 'the reply has no text' };
  return {
    kind: 'send',
    params: {
      chat_id: message.chatId,
      text,
      ...(parse_mode === 'HTML' && { parse_mode }),
      ...(reply_markup && { reply_markup }),
      ...(link_preview_options && { link_preview_options }),
    },
  };
}

/** A channel post goes out as it was previewed: the payload is the post itself, addressed to this row's channel. */
function renderChannelPost(message: TelegramOutboxMessage): RenderedNotification {
  const post = message.payload as unknown as Partial<ChannelPost>;
  if (post.method === 'sendPhoto' && post.params && typeof post.params.photo === 'string') {
    return { kind: 'send_photo', params: { ...post.params, chat_id: message.chatId } };
  }
  if (post.method === 'sendMessage' && post.params && typeof post.params.text === 'string') {
    return { kind: 'send', params: { ...post.params, chat_id: message.chatId } };
  }
  return { kind: 'skip', reason: 'the post has no content' };
}

/** An announcement, unless the customer opted out since it was planned (consent is read at send time). */
function renderAnnouncementMessage(message: TelegramOutboxMessage): RenderedNotification {
  if (message.marketingOptedOut) return { kind: 'skip', reason: 'the customer opted out of offers' };
  const content = message.payload as unknown as Partial<AnnouncementContent>;
  if (typeof content.text !== 'string' || content.text === '') return { kind: 'skip', reason: 'the announcement has no text' };
  const rendered = renderAnnouncement(
    message.chatId,
    { text: content.text, photoUrl: content.photoUrl ?? null, button: content.button ?? null },
    messagesFor(pickLocale(message.languageCode)),
  );
  return rendered.method === 'sendPhoto' ? { kind: 'send_photo', params: rendered.params } : { kind: 'send', params: rendered.params };
}

function send(...args: Parameters<typeof htmlMessage>): RenderedNotification {
  return { kind: 'send', params: htmlMessage(...args) };
}

/** A blank line before `lines`, when there are any. */
function withGap(lines: string[]): string[] {
  return lines.length > 0 ? ['', ...lines] : [];
}

function renderStarsRefund(message: TelegramOutboxMessage): RenderedNotification {
  const { userId, chargeId } = message.payload;
  // A number in entries queued before ids were text (migration 0009).
  if ((typeof userId !== 'number' && typeof userId !== 'string') || typeof chargeId !== 'string')
    throw new Error('a stars_refund entry needs userId and chargeId');
  return { kind: 'refund_stars', params: { user_id: messengerIdOf(userId), telegram_payment_charge_id: chargeId } };
}
