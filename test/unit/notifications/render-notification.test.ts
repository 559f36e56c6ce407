import { describe, expect, it } from 'vitest';
import { MAX_LISTED_ITEMS } from '../../../functions/core/notifications/render-order-lines';
import type { NotifiedOrder, TelegramOutboxMessage } from '../../../functions/core/notifications/outbox-message';
import { renderNotification, type RenderedNotification } from '../../../functions/core/notifications/render-notification';
import type { SendMessageParams } from '../../../functions/core/telegram/bot-api';

const NOW = new Date('2030-05-01T10:00:00Z');
const PUBLIC_URL = 'https://shop.example';

function order(overrides: Partial<NotifiedOrder> = {}): NotifiedOrder {
  return {
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
    expiresAt: new Date(NOW.getTime() + 7 * 60_000),
    items: [
      { title: 'Travel mug', variantLabel: '', quantity: 2, lineTotalMinor: 3_000_000_000n, titles: { ru: 'Термокружка' } },
      { title: 'Sticker <pack> & "co"', variantLabel: '', quantity: 1, lineTotalMinor: 250_000_000n, titles: {} },
    ],
    customer: { telegramId: '42', firstName: '<b>Eve</b>', lastName: null, username: 'eve_1' },
    ...overrides,
  };
}

function message(kind: TelegramOutboxMessage['kind'], overrides: Partial<TelegramOutboxMessage> = {}): TelegramOutboxMessage {
  return {
    id: 'm1',
    kind,
    chatId: '42',
    orderId: 'o1',
    payload: {},
    attempts: 1,
    leaseUntil: new Date(NOW.getTime() + 120_000),
    marketingOptedOut: false,
    order: order(),
    languageCode: 'en',
    ...overrides,
  };
}

function sent(rendered: RenderedNotification): SendMessageParams {
  if (rendered.kind !== 'send') throw new Error(`expected a message, got ${rendered.kind === 'skip' ? `skip: ${rendered.reason}` : rendered.kind}`);
  return rendered.params;
}

/** `null`: no PUBLIC_URL configured. */
const render = (m: TelegramOutboxMessage, publicUrl: string | null = PUBLIC_URL) => renderNotification(m, { publicUrl: publicUrl ?? undefined, now: NOW });

describe('the paid message to the customer', () => {
  it("shows every amount in the order's own currency: dollars with cents, rials as tomans in the reader's word", () => {
    const dollars = order({
      currency: 'USD',
      subtotalMinor: 2550n,
      deliveryFeeMinor: 500n,
      totalMinor: 3050n,
      items: [{ title: 'Travel mug', variantLabel: '', quantity: 2, lineTotalMinor: 2550n, titles: {} }],
    });
    const text = sent(render(message('order_paid_customer', { order: dollars }))).text;
    expect(text).toContain('• Travel mug × 2 — $25.50');
    expect(text).toContain('$5.00');
    expect(text).toContain('<b>Total:</b> $30.50');
    expect(text).not.toContain('TON');

    const rials = order({
      currency: 'IRR',
      subtotalMinor: 1_200_000n,
      totalMinor: 1_200_000n,
      items: [{ title: 'Tea', variantLabel: '', quantity: 1, lineTotalMinor: 1_200_000n, titles: {} }],
    });
    expect(sent(render(message('order_paid_customer', { order: rials, languageCode: 'fa' }))).text).toContain('120,000 تومان');
    expect(sent(render(message('order_paid_customer', { order: rials, languageCode: 'en' }))).text).toContain('120,000 toman');
  });

  it('lists the items, the total and the code, with a web_app button to the order', () => {
    const params = sent(render(message('order_paid_customer')));
    expect(params).toMatchObject({ chat_id: '42', parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
    expect(params.text).toBe(
      [
        '✅ <b>Order <code>K7QX-M2PA</code> is paid.</b> Thank you!',
        '',
        '• Travel mug × 2 — 3 TON',
        '• Sticker &lt;pack&gt; &amp; &quot;co&quot; × 1 — 0.25 TON',
        '',
        '<b>Total:</b> 3.25 TON',
        '',
        'We will tell you here when it ships or is ready for pickup.',
      ].join('\n'),
    );
    expect(params.reply_markup).toEqual({
      inline_keyboard: [[{ text: 'Open the order', web_app: { url: `${PUBLIC_URL}/orders/0b5a3c1e-0000-4000-8000-000000000001` } }]],
    });
  });

  it('uses the product’s translated title in the customer’s language', () => {
    const params = sent(render(message('order_paid_customer', { languageCode: 'ru-RU' })));
    expect(params.text).toContain('• Термокружка × 2 — 3 TON');
    expect(params.text).toContain('<b>Итого:</b> 3.25 TON');
  });

  it('isolates the code and amounts inside Persian text', () => {
    const params = sent(render(message('order_paid_customer', { languageCode: 'fa' })));
    expect(params.text).toContain('\u2066<code>K7QX-M2PA</code>\u2069');
    expect(params.text).toContain('\u20663.25 TON\u2069');
  });

  it('speaks Hindi to a Hindi speaker and English to anyone else', () => {
    expect(sent(render(message('order_paid_customer', { languageCode: 'hi' }))).text).toContain('भुगतान हो गया है');
    expect(sent(render(message('order_paid_customer', { languageCode: 'de' }))).text).toContain('is paid');
    expect(sent(render(message('order_paid_customer', { languageCode: null }))).text).toContain('is paid');
  });

  it('has no button without an https PUBLIC_URL (Telegram opens web_app buttons only over https)', () => {
    expect(sent(render(message('order_paid_customer'), null)).reply_markup).toBeUndefined();
    expect(sent(render(message('order_paid_customer'), 'http://localhost:8080')).reply_markup).toBeUndefined();
  });

  it(`lists at most ${MAX_LISTED_ITEMS} items and says how many more there are`, () => {
    const items = Array.from({ length: MAX_LISTED_ITEMS + 3 }, (_, i) => ({
      title: `Item ${i}`,
      variantLabel: '',
      quantity: 1,
      lineTotalMinor: 1n,
      titles: {},
    }));
    const text = sent(render(message('order_paid_customer', { order: order({ items }) }))).text;
    expect(text).toContain(`Item ${MAX_LISTED_ITEMS - 1} ×`);
    expect(text).not.toContain(`Item ${MAX_LISTED_ITEMS} ×`);
    expect(text).toContain('…and 3 more');
  });
});

describe('the new-order message to the merchant', () => {
  it('names the customer (escaped, linked, with @username) and links to the admin with a url button', () => {
    const params = sent(render(message('order_paid_merchant', { chatId: '-100777' })));
    expect(params.chat_id).toBe('-100777');
    expect(params.text.split('\n').slice(0, 2)).toEqual([
      '🛒 <b>New paid order <code>K7QX-M2PA</code></b>',
      'Customer: <a href="tg://user?id=42">&lt;b&gt;Eve&lt;/b&gt;</a> (@eve_1)',
    ]);
    expect(params.text).toContain('<b>Total:</b> 3.25 TON');
    expect(params.reply_markup).toEqual({
      inline_keyboard: [[{ text: 'Open in admin', url: `${PUBLIC_URL}/admin/orders/0b5a3c1e-0000-4000-8000-000000000001` }]],
    });
  });

  it('carries everything to fulfil it: the variant, items − discount + delivery, the address, phone and note', () => {
    const shipped = order({
      items: [{ title: 'Logo T-shirt', variantLabel: 'M / Black', quantity: 1, lineTotalMinor: 12_000_000_000n, titles: {} }],
      subtotalMinor: 12_000_000_000n,
      discountMinor: 1_200_000_000n,
      deliveryFeeMinor: 1_000_000_000n,
      totalMinor: 11_800_000_000n,
      note: 'Ring <twice>',
      delivery: {
        methodId: 'post',
        kind: 'shipping',
        methodName: 'Post',
        zoneName: 'Iran',
        estimate: '2–4 days',
        address: {
          recipientName: 'Sara Ahmadi',
          phone: '+989121234567',
          country: 'IR',
          region: 'Tehran',
          city: 'Tehran',
          line1: 'Valiasr St 12',
          line2: '',
          postalCode: '1433654321',
        },
      },
    });
    const text = sent(render(message('order_paid_merchant', { order: shipped }))).text;
    expect(text).toContain('• Logo T-shirt (M / Black) × 1 — 12 TON');
    expect(text).toContain('Items: 12 TON\nDiscount: −1.2 TON\nDelivery: 1 TON\n<b>Total:</b> 11.8 TON');
    expect(text).toContain('<b>Delivery:</b> Post — Iran\nSara Ahmadi\nValiasr St 12\n1433654321 Tehran\nTehran, IR\nPhone: <code>+989121234567</code>');
    expect(text).toContain('<b>Note:</b> Ring &lt;twice&gt;');
  });

  it('names the pickup point of an order to collect', () => {
    const pickup = order({
      delivery: {
        methodId: 'pickup',
        kind: 'pickup',
        methodName: 'Pick up at the shop',
        pickupPoint: { id: 'gb', name: 'Grand Bazaar stall 12', address: '15 Khordad St', hours: '9–18', mapUrl: null },
      },
    });
    expect(sent(render(message('order_paid_merchant', { order: pickup }))).text).toContain(
      '<b>Delivery:</b> Pick up at the shop\nGrand Bazaar stall 12, 15 Khordad St',
    );
  });

  it('isolates the address in the Persian message', () => {
    const persian = order({
      delivery: {
        methodId: 'post',
        kind: 'shipping',
        methodName: 'Post',
        address: { recipientName: 'Sara', phone: '+989121234567', country: 'IR', region: '', city: 'Tehran', line1: 'Valiasr 12', line2: '', postalCode: '' },
      },
    });
    expect(sent(render(message('order_paid_merchant', { order: persian, languageCode: 'fa' }))).text).toContain('\u2066Valiasr 12\u2069');
  });

  it('names a customer without Telegram account plainly', () => {
    const params = sent(
      render(message('order_paid_merchant', { order: order({ customer: { telegramId: null, firstName: 'Web', lastName: 'Buyer', username: null } }) })),
    );
    expect(params.text).toContain('Customer: Web Buyer\n');
  });
});

describe('status and reminder messages', () => {
  it.each([
    ['shipped', '📦 <b>Order <code>K7QX-M2PA</code> has been shipped.</b>'],
    ['ready_for_pickup', '🏬 <b>Order <code>K7QX-M2PA</code> is ready for pickup.</b>'],
    ['completed', '🎉 <b>Order <code>K7QX-M2PA</code> is complete.</b> Thank you for shopping with us!'],
    ['paid', 'ℹ️ Order <code>K7QX-M2PA</code>: <b>Paid</b>.'],
    ['<weird>', 'ℹ️ Order <code>K7QX-M2PA</code>: <b>&lt;weird&gt;</b>.'],
  ])('tells the customer the order is %s', (status, text) => {
    expect(sent(render(message('order_status_customer', { payload: { status } }))).text).toBe(text);
  });

  it('reminds of an unpaid order with the minutes left, rounded up, and a pay button', () => {
    const params = sent(
      render(message('order_expiring_customer', { order: order({ status: 'pending', expiresAt: new Date(NOW.getTime() + 6 * 60_000 + 1) }) })),
    );
    expect(params.text).toContain('It will be cancelled in about 7 min.');
    expect(params.reply_markup?.inline_keyboard[0]![0]).toMatchObject({ text: 'Pay now', web_app: { url: expect.stringMatching(/\/orders\//) } });
  });

  it.each([
    ['paid meanwhile', order({ status: 'paid' }), 'the order is paid now'],
    ['already expired', order({ status: 'pending', expiresAt: new Date(NOW.getTime() - 1) }), 'the order is pending now'],
    ['deleted', null, 'the order no longer exists'],
  ])('skips a reminder for an order %s', (_name, current, reason) => {
    expect(render(message('order_expiring_customer', { order: current }))).toEqual({ kind: 'skip', reason });
  });
});

describe('bot replies', () => {
  it('are sent as stored, to the row’s chat', () => {
    const payload = {
      text: 'Hi <b>there</b>',
      parse_mode: 'HTML',
      reply_markup: { inline_keyboard: [[{ text: 'Shop', web_app: { url: `${PUBLIC_URL}/` } }]] },
    };
    expect(sent(render(message('bot_reply', { chatId: '5', order: null, payload })))).toEqual({ chat_id: '5', ...payload });
  });

  it('without text are skipped', () => {
    expect(render(message('bot_reply', { order: null, payload: {} }))).toEqual({ kind: 'skip', reason: 'the reply has no text' });
  });
});

it('refuses a kind it does not know, so the worker fails that message with the reason', () => {
  expect(() => render(message('order_refunded' as TelegramOutboxMessage['kind']))).toThrow('no renderer for outbox kind order_refunded');
});
