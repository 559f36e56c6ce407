import { describe, expect, it } from 'vitest';
import { classifyDeliveryFailure, MAX_DELIVERY_ATTEMPTS, retryDelaySeconds } from '../../../functions/core/notifications/delivery-policy';
import { expiryReminderWindowSeconds } from '../../../functions/core/notifications/expiry-reminder';
import { orderPaidEntries } from '../../../functions/core/notifications/order-paid-entries';
import { BotApiError } from '../../../functions/core/telegram/bot-api';

describe('classifyDeliveryFailure', () => {
  it.each([
    ['a network failure', new BotApiError('sendMessage', 0, 'network error: reset'), 'retry'],
    ['500', new BotApiError('sendMessage', 500, 'Internal Server Error'), 'retry'],
    ['502 from a proxy', new BotApiError('sendMessage', 502, 'answer is not JSON (HTTP 502)'), 'retry'],
    ['403 blocked', new BotApiError('sendMessage', 403, 'Forbidden: bot was blocked by the user'), 'blocked'],
    ['403 deactivated', new BotApiError('sendMessage', 403, 'Forbidden: user is deactivated'), 'blocked'],
    ['400', new BotApiError('sendMessage', 400, "Bad Request: can't parse entities"), 'failed'],
    ['404', new BotApiError('sendMessage', 404, 'Not Found'), 'failed'],
    ['something that is not a Bot API answer', new TypeError('boom'), 'retry'],
  ])('treats %s as %s', (_name, error, kind) => {
    expect(classifyDeliveryFailure(error).kind).toBe(kind);
  });

  it('keeps a 429’s retry_after, and waits 30 s when Telegram gives none', () => {
    expect(classifyDeliveryFailure(new BotApiError('sendMessage', 429, 'Too Many Requests: retry after 17', 17))).toEqual({
      kind: 'rate_limited',
      retryAfterSeconds: 17,
      error: '429 Too Many Requests: retry after 17',
    });
    expect(classifyDeliveryFailure(new BotApiError('sendMessage', 429, 'Too Many Requests'))).toMatchObject({ retryAfterSeconds: 30 });
  });
});

describe('retryDelaySeconds', () => {
  it('doubles from 15 s and stops growing at an hour', () => {
    expect([1, 2, 3, 4, 5, 8, 9, 20].map(retryDelaySeconds)).toEqual([15, 30, 60, 120, 240, 1920, 3600, 3600]);
  });

  it('keeps trying for more than a day, and less than two, before giving up', () => {
    let total = 0;
    for (let attempt = 1; attempt < MAX_DELIVERY_ATTEMPTS; attempt++) total += retryDelaySeconds(attempt);
    expect(total).toBeGreaterThan(86_400);
    expect(total).toBeLessThan(2 * 86_400);
  });
});

describe('expiryReminderWindowSeconds', () => {
  it.each([
    [1800, 600],
    [7 * 86_400, 600],
    [900, 300],
    [60, 20],
  ])('reminds an order living %i s in its last %i s', (ttl, window) => {
    expect(expiryReminderWindowSeconds(ttl)).toBe(window);
  });
});

describe('orderPaidEntries', () => {
  it('announces a payment to the customer and to each merchant chat once', () => {
    expect(orderPaidEntries({ orderId: 'o1', customerTelegramId: '42', merchantChatIds: ['-100', '7', '-100'] })).toEqual([
      { dedupeKey: 'order_paid:customer:o1', kind: 'order_paid_customer', chatId: '42', orderId: 'o1' },
      { dedupeKey: 'order_paid:merchant:-100:o1', kind: 'order_paid_merchant', chatId: '-100', orderId: 'o1' },
      { dedupeKey: 'order_paid:merchant:7:o1', kind: 'order_paid_merchant', chatId: '7', orderId: 'o1' },
    ]);
  });

  it('writes to no customer who has no Telegram account', () => {
    expect(orderPaidEntries({ orderId: 'o1', customerTelegramId: null, merchantChatIds: [] })).toEqual([]);
  });
});
