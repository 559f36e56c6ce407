import type { AnnouncementContent } from '../marketing/announcement';
import { pickLocale } from '../notifications/locale';
import { messagesFor } from '../notifications/messages/catalogs';
import { orderPath } from '../notifications/order-links';
import type { WebPushOutboxMessage } from '../notifications/outbox-message';
import { renderOrderCode } from '../notifications/render-order-lines';
import { renderStatusLine } from '../notifications/status-line';
import type { PushOptions } from './push-sender';
import { htmlToText } from './html-to-text';

/** What the service worker (public/sw.js) shows: a notification, and where a tap on it goes (a path of the shop). */
export interface PushNotification {
  title: string;
  body: string;
  url: string;
  /** A later notification with the same tag replaces this one on the screen. */
  tag: string;
  /**
   * Offers only: the notification's Unsubscribe button (action `offers-off`, public/sw.js posts to
   * /api/push/offers-off) and what the service worker shows once it is pressed, in the customer's language.
   */
  offersOff?: { button: string; notice: string };
}

export type RenderedPush = { kind: 'push'; notification: PushNotification; options: PushOptions } | { kind: 'skip'; reason: string };

// Order news is worth a day in a push service's queue for a browser that is offline; an offer is not worth more.
const ORDER_TTL_SECONDS = 86_400;
const OFFER_TTL_SECONDS = 12 * 3600;

/**
 * A Web Push message (outbox kind `web_push`) as the notification its browser shows, in the customer's
 * language, from current data, with the same words as the bot's message (its catalogs, as plain text:
 * a notification shows no markup). `payload.about` names the message; an unknown one fails at rendering.
 */
export function renderPush(message: WebPushOutboxMessage, options: { shopName: string; now: Date }): RenderedPush {
  if (!message.push) return { kind: 'skip', reason: 'the browser unsubscribed' };
  const t = messagesFor(pickLocale(message.languageCode));
  const about = message.payload.about;
  if (about === 'announcement') {
    if (message.marketingOptedOut) return { kind: 'skip', reason: 'the customer opted out of offers' };
    const content = message.payload as unknown as Partial<AnnouncementContent>;
    if (typeof content.text !== 'string' || content.text === '') return { kind: 'skip', reason: 'the announcement has no text' };
    return {
      kind: 'push',
      notification: {
        title: options.shopName,
        body: content.text,
        url: '/',
        tag: `announcement:${message.id}`,
        // Every offer carries its way out, as the bot's do (core/marketing/announcement.ts).
        offersOff: { button: htmlToText(t.marketingUnsubscribeButton), notice: htmlToText(t.marketingUnsubscribedNotice) },
      },
      options: { ttlSeconds: OFFER_TTL_SECONDS, urgency: 'normal' },
    };
  }
  const order = message.order;
  if (!order) return { kind: 'skip', reason: 'the order no longer exists' };
  const code = renderOrderCode(order, t);
  const notification = (html: string, body: string): RenderedPush => ({
    kind: 'push',
    notification: { title: htmlToText(html), body: htmlToText(body), url: orderPath(order.id), tag: `order:${order.id}` },
    // One topic per order: a browser that was offline sees the latest news of it, not a backlog.
    options: { ttlSeconds: ORDER_TTL_SECONDS, urgency: 'high', topic: topicOf(order.id) },
  });
  switch (about) {
    case 'order_paid':
      return notification(t.paidTitle(code), '');
    case 'order_status': {
      const status = typeof message.payload.status === 'string' ? message.payload.status : order.status;
      return notification(renderStatusLine(t, status, code), '');
    }
    case 'order_expiring': {
      const secondsLeft = (order.expiresAt.getTime() - options.now.getTime()) / 1000;
      if (order.status !== 'pending' || secondsLeft <= 0) return { kind: 'skip', reason: `the order is ${order.status} now` };
      return notification(t.expiringTitle(code, Math.max(1, Math.ceil(secondsLeft / 60))), t.expiringBody);
    }
    default:
      throw new Error(`no Web Push message for ${JSON.stringify(about)}`);
  }
}

/** RFC 8030 §5.4: a topic is at most 32 characters of the URL-safe base64 alphabet: the order's uuid without its dashes. */
function topicOf(orderId: string): string {
  return orderId.replace(/-/g, '');
}
