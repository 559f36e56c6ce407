import { describe, expect, it } from 'vitest';
import { decidePreCheckout, type PreCheckoutOrder } from '../../../functions/core/stars/pre-checkout';
import { decideStarPayment, type StarsCandidateOrder } from '../../../functions/core/stars/decide-star-payment';
import { starsTotal } from '../../../functions/core/stars/stars-total';
import { incomingInvoicePayment } from '../../../functions/core/stars/reconcile-star-payments';
import type { IncomingStarPayment } from '../../../functions/core/stars/star-payment';

const NOW = new Date('2026-12-03T12:00:00Z');
const LATER = new Date(NOW.getTime() + 10 * 60_000);
const EARLIER = new Date(NOW.getTime() - 10 * 60_000);

describe('starsTotal', () => {
  it('adds each line’s Stars price times its quantity, in whole Stars', () => {
    expect(
      starsTotal([
        { title: 'Gift card', kind: 'digital', priceStars: 150, quantity: 2 },
        { title: 'E-book', kind: 'digital', priceStars: 99, quantity: 1 },
      ]),
    ).toBe(399);
  });

  it.each([
    ['a physical line', [{ title: 'Mug', kind: 'physical' as const, priceStars: 10, quantity: 1 }], 'STARS_DIGITAL_ONLY'],
    ['no lines at all', [], 'STARS_DIGITAL_ONLY'],
    ['a digital line without a Stars price', [{ title: 'E-book', kind: 'digital' as const, priceStars: null, quantity: 1 }], 'STARS_PRICE_MISSING'],
  ])('refuses %s', (_name, lines, code) => {
    expect(() => starsTotal(lines)).toThrow(expect.objectContaining({ code }));
  });
});

describe('decidePreCheckout', () => {
  const pending: PreCheckoutOrder = { status: 'pending', expiresAt: LATER, totalStars: 150, stockAvailable: true };
  const query = { currency: 'XTR', totalAmount: 150 };

  it('says yes to a pending order with time left asking exactly its Stars total', () => {
    expect(decidePreCheckout(pending, query, NOW)).toEqual({ ok: true });
  });

  it.each<[string, PreCheckoutOrder | null, typeof query, string]>([
    ['no order', null, query, 'unknown_order'],
    ['a paid order', { ...pending, status: 'paid' }, query, 'already_paid'],
    ['a shipped order', { ...pending, status: 'shipped' }, query, 'already_paid'],
    ['a cancelled order', { ...pending, status: 'cancelled' }, query, 'not_payable'],
    ['a TON payment in flight', { ...pending, status: 'confirming' }, query, 'not_payable'],
    ['a pending order past its deadline', { ...pending, expiresAt: EARLIER }, query, 'expired'],
    ['a pending order at its deadline', { ...pending, expiresAt: NOW }, query, 'expired'],
    ['an expired order with its units still there', { ...pending, status: 'expired', expiresAt: EARLIER }, query, 'expired'],
    ['an expired order whose units were sold', { ...pending, status: 'expired', expiresAt: EARLIER, stockAvailable: false }, query, 'out_of_stock'],
    ['one Star less', pending, { ...query, totalAmount: 149 }, 'wrong_amount'],
    ['one Star more', pending, { ...query, totalAmount: 151 }, 'wrong_amount'],
    ['another currency', pending, { ...query, currency: 'USD' }, 'wrong_amount'],
    ['an order never invoiced in Stars', { ...pending, totalStars: null }, query, 'wrong_amount'],
  ])('refuses %s', (_name, order, q, reason) => {
    expect(decidePreCheckout(order, q, NOW)).toEqual({ ok: false, reason });
  });
});

describe('decideStarPayment', () => {
  const order: StarsCandidateOrder = { status: 'pending', expiresAt: LATER, totalStars: 150, creditedByOtherCharge: false, stockAvailable: true };
  const payment: IncomingStarPayment = {
    chargeId: 'stx1',
    invoicePayload: 'order-id',
    currency: 'XTR',
    amountStars: 150,
    payerTelegramId: '42',
    paidAt: NOW,
    source: 'update',
  };

  it('credits a pending order through the lifecycle’s pay transition, with the paid messages', () => {
    expect(decideStarPayment(order, payment)).toEqual({
      status: 'credited',
      transition: { from: 'pending', to: 'paid', effects: ['keep_code_use', 'announce_paid', 'deliver_digital'] },
    });
  });

  it('credits an expired order paid in time whose units are still there, taking them back', () => {
    const decision = decideStarPayment({ ...order, status: 'expired', expiresAt: new Date(NOW.getTime() - 30_000) }, payment);
    expect(decision).toMatchObject({ status: 'credited', transition: { from: 'expired', effects: expect.arrayContaining(['reserve_stock']) } });
  });

  it.each<[string, StarsCandidateOrder | null, Partial<IncomingStarPayment>, object]>([
    ['a second charge for an order another charge paid', { ...order, status: 'paid', creditedByOtherCharge: true }, {}, { status: 'refunded_duplicate' }],
    ['a charge for an order paid in TON', { ...order, status: 'paid' }, {}, { status: 'refunded_duplicate', reason: 'already_paid' }],
    ['a payload naming no order', null, {}, { status: 'refunded', reason: 'unknown_comment' }],
    ['fewer Stars than the total', order, { amountStars: 149 }, { status: 'refunded', reason: 'underpaid' }],
    ['another currency', order, { currency: 'USD' }, { status: 'refunded', reason: 'wrong_currency' }],
    ['a payment well after the deadline', { ...order, expiresAt: EARLIER }, {}, { status: 'refunded', reason: 'late' }],
    ['a cancelled order', { ...order, status: 'cancelled' }, {}, { status: 'refunded', reason: 'order_cancelled' }],
    [
      'an expired order whose units were sold',
      { ...order, status: 'expired', expiresAt: new Date(NOW.getTime() - 30_000), stockAvailable: false },
      {},
      { status: 'refunded', reason: 'paid_in_time_out_of_stock' },
    ],
    ['an order never invoiced in Stars', { ...order, totalStars: null }, {}, { status: 'refunded', reason: 'not_invoiced' }],
  ])('refunds %s', (_name, candidate, change, expected) => {
    expect(decideStarPayment(candidate, { ...payment, ...change })).toMatchObject(expected);
  });
});

describe('incomingInvoicePayment', () => {
  const user = { id: 42, is_bot: false, first_name: 'Ann' };

  it('reads a user’s invoice payment: the transaction id is the charge id, the payload comes from the TransactionPartnerUser', () => {
    expect(
      incomingInvoicePayment({
        id: 'stx9',
        amount: 150,
        date: 1_796_000_000,
        source: { type: 'user', transaction_type: 'invoice_payment', user, invoice_payload: 'order-1' },
      }),
    ).toEqual({
      chargeId: 'stx9',
      invoicePayload: 'order-1',
      currency: 'XTR',
      amountStars: 150,
      payerTelegramId: '42',
      paidAt: new Date(1_796_000_000_000),
      source: 'reconciler',
    });
  });

  it.each([
    ['a refund (outgoing, to a user)', { id: 'stx9', amount: 150, date: 1, receiver: { type: 'user', user } }],
    ['a withdrawal', { id: 'w1', amount: 500, date: 1, receiver: { type: 'fragment' } }],
    ['a paid-media purchase', { id: 'm1', amount: 5, date: 1, source: { type: 'user', transaction_type: 'paid_media_payment', user } }],
    ['an Ads refund', { id: 'a1', amount: 5, date: 1, source: { type: 'telegram_ads' } }],
  ])('ignores %s', (_name, transaction) => {
    expect(incomingInvoicePayment(transaction as Parameters<typeof incomingInvoicePayment>[0])).toBeNull();
  });
});
