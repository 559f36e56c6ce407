import { describe, expect, it } from 'vitest';
import type { NotifiedOrder, WebPushOutboxMessage } from '../../../functions/core/notifications/outbox-message';
import { classifyPushFailure } from '../../../functions/core/push/push-failure';
import { PushSendError } from '../../../functions/core/push/push-sender';
import { isAllowedPushEndpoint } from '../../../functions/core/push/push-subscription';
import { renderPush } from '../../../functions/core/push/render-push';
import { htmlToText } from '../../../functions/core/push/html-to-text';

const NOW = new Date('2026-12-03T12:00:00Z');
const ORDER_ID = '0b6d1f3e-8a2c-4c1e-9f00-1234567890ab';

function order(overrides: Partial<NotifiedOrder> = {}): NotifiedOrder {
  return {
    id: ORDER_ID,
    code: 'AB12CD34',
    status: 'paid',
    currency: 'TON',
    subtotalMinor: 1n,
    discountMinor: 0n,
    deliveryFeeMinor: 0n,
    totalMinor: 1n,
    delivery: null,
    note: '',
    expiresAt: new Date(NOW.getTime() + 5 * 60_000),
    items: [],
    customer: { telegramId: null, firstName: '', lastName: null, username: null },
    ...overrides,
  };
}

function message(payload: Record<string, unknown>, overrides: Partial<WebPushOutboxMessage> = {}): WebPushOutboxMessage {
  return {
    id: 'm1',
    kind: 'web_push',
    chatId: null,
    push: { id: 's1', endpoint: 'https://push.example/x', keys: { p256dh: 'k', auth: 'a' } },
    orderId: ORDER_ID,
    payload,
    attempts: 1,
    leaseUntil: new Date(NOW.getTime() + 30_000),
    order: order(),
    languageCode: null,
    marketingOptedOut: false,
    ...overrides,
  };
}

const render = (m: WebPushOutboxMessage) => renderPush(m, { shopName: 'Bazaar <test>', now: NOW });

describe('renderPush', () => {
  it.each([
    [{ about: 'order_paid' }, null, '✅ Order AB12CD34 is paid. Thank you!'],
    [{ about: 'order_status', status: 'shipped' }, null, '📦 Order AB12CD34 has been shipped.'],
    [{ about: 'order_status', status: 'ready_for_pickup' }, 'fa', '🏬 سفارش \u2066AB12CD34\u2069 آماده تحویل است.'],
    [
      { about: 'order_status', status: 'refunded' },
      null,
      '↩️ Order AB12CD34 has been refunded. Your Stars are back on your balance; its keys and download links no longer work.',
    ],
    [{ about: 'order_status', status: 'cancelled' }, 'ru', '❌ Заказ AB12CD34 отменён. Если вы уже оплатили его, магазин свяжется с вами насчёт возврата.'],
  ])('shows %j in the customer’s language (%s) as plain text, opening the order', (payload, languageCode, title) => {
    const rendered = render(message(payload, { languageCode }));
    expect(rendered).toMatchObject({
      kind: 'push',
      notification: { url: `/orders/${ORDER_ID}`, tag: `order:${ORDER_ID}` },
      options: { urgency: 'high', topic: ORDER_ID.replace(/-/g, '') },
    });
    if (rendered.kind === 'push') expect(rendered.notification.title).toBe(title);
  });

  it('reminds of an unpaid order with the minutes left, and says nothing once it is paid', () => {
    const reminder = render(message({ about: 'order_expiring' }, { order: order({ status: 'pending' }) }));
    expect(reminder).toMatchObject({
      kind: 'push',
      notification: { title: '⏳ Order AB12CD34 is still awaiting payment. It will be cancelled in about 5 min.' },
    });
    expect(render(message({ about: 'order_expiring' }))).toEqual({ kind: 'skip', reason: 'the order is paid now' });
  });

  it('sends an announcement’s text under the shop’s name, unless the customer opted out of offers', () => {
    const announcement = message({ about: 'announcement', text: 'Sale <today> & tomorrow', photoUrl: null, button: null }, { orderId: null, order: null });
    expect(render(announcement)).toEqual({
      kind: 'push',
      notification: {
        title: 'Bazaar <test>',
        body: 'Sale <today> & tomorrow',
        url: '/',
        tag: 'announcement:m1',
        offersOff: { button: '🔕 Unsubscribe', notice: 'Done: no more offers from the shop. Order messages still come. Send /offers to get them again.' },
      },
      options: { ttlSeconds: 12 * 3600, urgency: 'normal' },
    });
    expect(render({ ...announcement, marketingOptedOut: true })).toEqual({ kind: 'skip', reason: 'the customer opted out of offers' });
  });

  it('skips a message whose browser let go or whose order is gone, and refuses one it does not know', () => {
    expect(render(message({ about: 'order_paid' }, { push: null }))).toEqual({ kind: 'skip', reason: 'the browser unsubscribed' });
    expect(render(message({ about: 'order_paid' }, { order: null }))).toEqual({ kind: 'skip', reason: 'the order no longer exists' });
    expect(() => render(message({ about: 'order_refunded' }))).toThrow('no Web Push message for "order_refunded"');
  });
});

describe('htmlToText', () => {
  it('drops the bot’s tags and reads its escapes back', () => {
    expect(htmlToText('<b>Order <code>A&amp;B</code></b> &lt;3 &quot;x&quot;')).toBe('Order A&B <3 "x"');
  });
});

describe('classifyPushFailure', () => {
  it.each([
    [new PushSendError(410, 'gone'), 'gone'],
    [new PushSendError(404, 'not found'), 'gone'],
    [new PushSendError(429, 'slow down', 60), 'retry'],
    [new PushSendError(503, 'down'), 'retry'],
    [new PushSendError(null, 'ECONNREFUSED'), 'retry'],
    [new Error('surprise'), 'retry'],
    [new PushSendError(400, 'bad'), 'failed'],
    [new PushSendError(403, 'VAPID key mismatch'), 'failed'],
    [new PushSendError(413, 'too large'), 'failed'],
  ])('treats %o as %s', (error, kind) => {
    expect(classifyPushFailure(error).kind).toBe(kind);
  });

  it('keeps the push service’s Retry-After', () => {
    expect(classifyPushFailure(new PushSendError(429, 'slow down', 60))).toMatchObject({ retryAfterSeconds: 60 });
  });
});

describe('isAllowedPushEndpoint', () => {
  it.each([
    ['https://fcm.googleapis.com/fcm/send/abc', false, true],
    ['https://updates.push.services.mozilla.com/wpush/v2/x', false, true],
    ['https://web.push.apple.com/QGx', false, true],
    ['http://fcm.googleapis.com/fcm/send/abc', false, false],
    ['https://10.0.0.7/push', false, false],
    ['https://[::1]/push', false, false],
    ['https://localhost/push', false, false],
    ['https://intranet/push', false, false],
    ['https://user:pw@push.example/x', false, false],
    ['http://localhost:8090/notify/x', false, false],
    ['http://localhost:8090/notify/x', true, true],
    ['http://127.0.0.1:8090/notify/x', true, true],
    ['http://10.0.0.7/notify/x', true, false],
    ['not a url', true, false],
  ])('%s (loopback http allowed: %s) → %s', (endpoint, allowLoopbackHttp, allowed) => {
    expect(isAllowedPushEndpoint(endpoint, { allowLoopbackHttp })).toBe(allowed);
  });
});
