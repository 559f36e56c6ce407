import { describe, expect, it } from 'vitest';
import { abandonedCartCutoff, abandonedCartDedupeKey, isCartAbandoned, type CartReminderDecision } from '../../../functions/core/reminders/abandoned-cart';
import { countCartPieces, normalizeCartLines } from '../../../functions/core/reminders/cart-snapshot';

const NOW = new Date('2026-12-03T12:00:00Z');
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000);
const line = { productId: 'p1', variantId: 'v1', quantity: 2 };
const reachable: Customer = { telegramId: '42', botBlocked: false, marketingOptedOut: false };
type Input = Parameters<typeof isCartAbandoned>[0];
type Customer = Input['customer'];

describe('abandonedCartCutoff', () => {
  it('is N hours before now, and null (off) for 0 or anything not a positive number', () => {
    expect(abandonedCartCutoff(NOW, 4)).toEqual(hoursAgo(4));
    for (const off of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) expect(abandonedCartCutoff(NOW, off)).toBeNull();
  });
});

describe('isCartAbandoned', () => {
  const base: Input = {
    cart: { items: [line], startedAt: hoursAgo(6), updatedAt: hoursAgo(5), remindedAt: null },
    lastOrderAt: null,
    customer: reachable,
    now: NOW,
    delayHours: 4,
  };
  const cases: [string, Partial<Omit<Input, 'cart'>> & { cart?: Partial<Input['cart']> }, CartReminderDecision][] = [
    ['a cart quiet for longer than N hours, never ordered', {}, 'remind'],
    ['exactly N hours quiet', { cart: { updatedAt: hoursAgo(4) } }, 'remind'],
    ['a cart changed within the last N hours', { cart: { updatedAt: hoursAgo(3.9) } }, 'too_recent'],
    ['reminders switched off', { delayHours: 0 }, 'off'],
    ['a cart with nothing in it', { cart: { items: [] } }, 'empty'],
    ['a cart reminded of before', { cart: { remindedAt: hoursAgo(1) } }, 'already_reminded'],
    ['an order placed after the cart began', { lastOrderAt: hoursAgo(5.5) }, 'ordered'],
    [
      'an order within the last N hours, even before this cart began',
      { cart: { startedAt: hoursAgo(6) }, lastOrderAt: hoursAgo(7), delayHours: 8 },
      'too_recent',
    ],
    ['an order before the cart began and longer ago than N hours', { lastOrderAt: hoursAgo(30) }, 'remind'],
    ['a customer who opted out of offers', { customer: { ...reachable, marketingOptedOut: true } }, 'opted_out'],
    ['a customer without Telegram', { customer: { ...reachable, telegramId: null } }, 'unreachable'],
    ['a customer who blocked the bot', { customer: { ...reachable, botBlocked: true } }, 'unreachable'],
  ];
  it.each(cases)('%s', (_name, change, decision) => {
    expect(isCartAbandoned({ ...base, ...change, cart: { ...base.cart, ...change.cart } })).toBe(decision);
  });
});

describe('the cart as the server keeps it', () => {
  it('merges the same product and variant, caps quantities like an order, and drops empty lines', () => {
    expect(
      normalizeCartLines([
        { productId: 'p1', variantId: 'v1', quantity: 60 },
        { productId: 'p1', variantId: 'v2', quantity: 1 },
        { productId: 'p1', variantId: 'v1', quantity: 60 },
        { productId: 'p2', variantId: null, quantity: 0 },
      ]),
    ).toEqual([
      { productId: 'p1', variantId: 'v1', quantity: 99 },
      { productId: 'p1', variantId: 'v2', quantity: 1 },
    ]);
    expect(normalizeCartLines(Array.from({ length: 60 }, (_, i) => ({ productId: `p${i}`, variantId: null, quantity: 1 })))).toHaveLength(50);
    expect(countCartPieces([line, { ...line, quantity: 3 }])).toBe(5);
  });

  it('names a cart by its customer and start, so a new cart gets a reminder of its own', () => {
    expect(abandonedCartDedupeKey('c1', hoursAgo(1))).toBe('abandoned_cart:c1:2026-12-03T11:00:00.000Z');
    expect(abandonedCartDedupeKey('c1', hoursAgo(1))).not.toBe(abandonedCartDedupeKey('c1', hoursAgo(2)));
  });
});
