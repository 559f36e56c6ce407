import { describe, expect, it } from 'vitest';
import { busyUntil, sendRateOf } from '../../../functions/core/notifications/send-rate';

const at = (ms: number) => new Date(1_800_000_000_000 + ms);
const rate = { limit: 3, windowMs: 1000 };

describe('a send rate', () => {
  it('lets a send go while fewer than the limit went out within the window', () => {
    expect(busyUntil([], at(0), rate)).toBeNull();
    expect(busyUntil([at(-900), at(-500)], at(0), rate)).toBeNull();
    // Sends older than the window do not count.
    expect(busyUntil([at(-1500), at(-1200), at(-1000), at(-10)], at(0), rate)).toBeNull();
  });

  it('holds a send until the oldest send in its way leaves the window', () => {
    expect(busyUntil([at(-900), at(-500), at(-100)], at(0), rate)).toEqual(at(100));
    // Five in the window (retries bunched them): the third-newest must leave first.
    expect(busyUntil([at(-950), at(-900), at(-800), at(-500), at(-100)], at(0), rate)).toEqual(at(200));
  });

  it('is the channel’s own for a channel post, the bot’s for an announcement, and none for order news', () => {
    expect(sendRateOf({ kind: 'channel_post', chatId: '-1001' })).toEqual({ rate: { limit: 20, windowMs: 60_000 }, chatId: '-1001' });
    expect(sendRateOf({ kind: 'announcement', chatId: '42' })).toEqual({ rate: { limit: 25, windowMs: 1000 }, chatId: null });
    expect(sendRateOf({ kind: 'order_paid_customer', chatId: '42' })).toBeNull();
  });

  it('holds cart reminders and back-in-stock messages to the marketing share of the bot’s rate, so a restock leaves room for order news', () => {
    expect(sendRateOf({ kind: 'abandoned_cart', chatId: '42' })).toEqual({ rate: { limit: 25, windowMs: 1000 }, chatId: null });
    expect(sendRateOf({ kind: 'back_in_stock', chatId: '42' })).toEqual({ rate: { limit: 25, windowMs: 1000 }, chatId: null });
  });
});
