import { describe, expect, it } from 'vitest';
import type { TelegramOutboxMessage } from '../../../functions/core/notifications/outbox-message';
import { renderNotification } from '../../../functions/core/notifications/render-notification';

const NOW = new Date('2026-12-03T12:00:00Z');
const PUBLIC_URL = 'https://shop.example';

function message(kind: TelegramOutboxMessage['kind'], overrides: Partial<TelegramOutboxMessage> = {}): TelegramOutboxMessage {
  return {
    id: 'm1',
    kind,
    chatId: '42',
    orderId: null,
    payload: {},
    attempts: 1,
    leaseUntil: new Date(NOW.getTime() + 120_000),
    marketingOptedOut: false,
    order: null,
    languageCode: 'en',
    ...overrides,
  };
}
const render = (m: TelegramOutboxMessage) => renderNotification(m, { publicUrl: PUBLIC_URL, now: NOW });
const cart = (overrides: Partial<TelegramOutboxMessage> = {}) =>
  message('abandoned_cart', { payload: { customerId: 'c1', startedAt: NOW.toISOString(), pieces: 2 }, cartStillOpen: true, ...overrides });
const restock = (overrides: Partial<TelegramOutboxMessage> = {}) =>
  message('back_in_stock', {
    payload: { productId: 'p1', variantId: 'v1', slug: 'logo-tee', title: 'Logo <T-shirt>', titles: { ru: 'Футболка' }, variantLabel: 'L / Sand' },
    ...overrides,
  });

describe('the abandoned-cart reminder', () => {
  it('says how much waits, with a web_app button to the cart and the Unsubscribe button', () => {
    expect(render(cart())).toEqual({
      kind: 'send',
      params: {
        chat_id: '42',
        text: '🛒 <b>You left 2 things in your cart.</b>\nIt is still there: finish your order whenever you like.',
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        reply_markup: {
          inline_keyboard: [
            [{ text: '🛒 Open the cart', web_app: { url: `${PUBLIC_URL}/cart` } }],
            [{ text: '🔕 Unsubscribe', callback_data: 'marketing:stop' }],
          ],
        },
      },
    });
  });

  it('is in the customer’s language, Persian and Hindi included', () => {
    for (const [languageCode, phrase] of [
      ['ru', 'Открыть корзину'],
      ['fa-IR', 'باز کردن سبد خرید'],
      ['hi', 'कार्ट खोलें'],
    ] as const) {
      const rendered = render(cart({ languageCode }));
      expect(rendered.kind === 'send' && JSON.stringify(rendered.params.reply_markup)).toContain(phrase);
    }
  });

  it('is skipped once the customer opted out, or when the cart was ordered or emptied since it was planned', () => {
    expect(render(cart({ marketingOptedOut: true }))).toEqual({ kind: 'skip', reason: 'the customer opted out of offers' });
    expect(render(cart({ cartStillOpen: false }))).toEqual({ kind: 'skip', reason: 'the cart was ordered or emptied' });
  });

  it('without an https PUBLIC_URL has only the Unsubscribe button (Telegram opens web_app buttons at https only)', () => {
    expect(renderNotification(cart(), { publicUrl: undefined, now: NOW })).toMatchObject({
      kind: 'send',
      params: { reply_markup: { inline_keyboard: [[{ callback_data: 'marketing:stop' }]] } },
    });
  });
});

describe('the back-in-stock message', () => {
  it('names the product (escaped) and variant, with a button to the product', () => {
    expect(render(restock())).toMatchObject({
      kind: 'send',
      params: {
        chat_id: '42',
        text: '🔔 <b>Logo &lt;T-shirt&gt; (L / Sand) is back in stock.</b>\nYou asked us to tell you. Get it before it sells out again.',
        reply_markup: { inline_keyboard: [[{ text: '🛍 View the product', web_app: { url: `${PUBLIC_URL}/p/logo-tee` } }]] },
      },
    });
  });

  it('uses the product’s translated title in the customer’s language', () => {
    const rendered = render(restock({ languageCode: 'ru' }));
    expect(rendered.kind === 'send' && rendered.params.text).toContain('Футболка (L / Sand) снова в наличии');
  });

  it('goes to a customer who opted out of offers: they asked for it', () => {
    expect(render(restock({ marketingOptedOut: true })).kind).toBe('send');
  });

  it('is skipped when it names no product', () => {
    expect(render(restock({ payload: {} }))).toEqual({ kind: 'skip', reason: 'the alert names no product' });
  });
});
