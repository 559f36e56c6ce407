import { describe, expect, it } from 'vitest';
import { ordersToCsvRecords, type ExportedOrder } from '../../../functions/core/admin/export-records';
import type { TelegramOutboxMessage } from '../../../functions/core/notifications/outbox-message';
import { renderNotification } from '../../../functions/core/notifications/render-notification';

const NOW = new Date('2030-05-01T10:00:00Z');

function refundMessage(languageCode: string, payload: Record<string, unknown> = { refundId: 'r1', asset: 'TON', amount: '1250000000' }): TelegramOutboxMessage {
  return {
    id: 'm1',
    kind: 'refund_confirmed_customer',
    chatId: '42',
    orderId: 'o1',
    payload,
    attempts: 1,
    leaseUntil: NOW,
    marketingOptedOut: false,
    languageCode,
    order: {
      id: '0b5a3c1e-0000-4000-8000-000000000001',
      code: 'K7QX-M2PA',
      status: 'paid',
      currency: 'TON',
      subtotalMinor: 3_250_000_000n,
      discountMinor: 0n,
      deliveryFeeMinor: 0n,
      totalMinor: 3_250_000_000n,
      delivery: null,
      note: '',
      expiresAt: NOW,
      items: [],
      customer: { telegramId: '42', firstName: 'Eve', lastName: null, username: null },
    },
  };
}

describe('the customer’s refund message', () => {
  it('says how much came back for which order, in the customer’s language, with the order button', () => {
    for (const [lang, word] of [
      ['en', 'refunded'],
      ['ru', 'Возврат'],
      ['fa', 'بازپرداخت'],
      ['hi', 'धनवापसी'],
    ] as const) {
      const rendered = renderNotification(refundMessage(lang), { publicUrl: 'https://shop.example', now: NOW });
      if (rendered.kind !== 'send') throw new Error(`expected a message for ${lang}`);
      expect(rendered.params.text, lang).toContain(word);
      expect(rendered.params.text, lang).toContain('1.25 TON');
      expect(rendered.params.text, lang).toContain('refund:');
      expect(rendered.params.reply_markup?.inline_keyboard[0]?.[0], lang).toMatchObject({ web_app: { url: expect.stringContaining('/orders/') } });
    }
  });

  it('names a USDT refund in USDT, to the last micro-USDT', () => {
    const rendered = renderNotification(refundMessage('en', { refundId: 'r1', asset: 'USDT', amount: '9000001' }), { publicUrl: undefined, now: NOW });
    if (rendered.kind !== 'send') throw new Error('expected a message');
    expect(rendered.params.text).toContain('9.000001 USDT');
    expect(rendered.params.text).not.toContain('TON');
  });

  it('is skipped when its entry names no TON or USDT amount', () => {
    for (const payload of [
      { asset: 'TON', amount: '1.5' },
      { asset: 'USDT', amount: '-1' },
      { asset: 'DOGE', amount: '1' },
    ]) {
      expect(renderNotification(refundMessage('en', payload), { publicUrl: undefined, now: NOW }).kind).toBe('skip');
    }
  });
});

describe('the orders CSV', () => {
  it('carries every refund of the order in its last column: asset, amount, status, hashes', () => {
    const order: ExportedOrder = {
      id: 'o1',
      code: 'K7QX-M2PA',
      status: 'paid',
      currency: 'TON',
      subtotalMinor: 2n,
      discountMinor: 0n,
      deliveryFeeMinor: 0n,
      totalMinor: 2n,
      delivery: null,
      note: '',
      promoCode: null,
      createdAt: NOW,
      paidAt: NOW,
      customerId: 'c1',
      customerTelegramId: '42',
      items: [{ productId: 'p', variantId: 'v', slug: 's', title: 'T', variantLabel: '', sku: null, unitPriceMinor: 2n, quantity: 1, lineTotalMinor: 2n }],
      refunds: [
        { asset: 'TON', amount: 1n, status: 'confirmed', messageHash: 'aa', transactionHash: 'bb', createdAt: NOW },
        { asset: 'TON', amount: 1n, status: 'lapsed', messageHash: null, transactionHash: null, createdAt: NOW },
      ],
    };
    const [header, row] = ordersToCsvRecords([order]);
    expect(header!.at(-1)).toBe('refunds');
    expect(row!.at(-1)).toBe('TON 1 confirmed aa bb; TON 1 lapsed - -');
  });
});
