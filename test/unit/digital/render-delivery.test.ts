import { describe, expect, it } from 'vitest';
import type { DigitalDelivery } from '../../../functions/core/digital/digital-content';
import type { NotifiedOrder, TelegramOutboxMessage } from '../../../functions/core/notifications/outbox-message';
import { renderNotification } from '../../../functions/core/notifications/render-notification';

const NOW = new Date('2030-05-01T10:00:00Z');
const ORDER: NotifiedOrder = {
  id: '0b5a3c1e-0000-4000-8000-000000000001',
  code: 'K7QX-M2PA',
  status: 'paid',
  currency: 'TON',
  subtotalMinor: 1n,
  discountMinor: 0n,
  deliveryFeeMinor: 0n,
  totalMinor: 1n,
  delivery: null,
  note: '',
  expiresAt: NOW,
  items: [],
  customer: { telegramId: '42', firstName: 'Ada', lastName: null, username: null },
};

function delivery(digital: DigitalDelivery | null, overrides: Partial<TelegramOutboxMessage> = {}): TelegramOutboxMessage {
  return {
    id: 'm1',
    kind: 'digital_delivery',
    chatId: '42',
    orderId: ORDER.id,
    payload: { productId: 'p1' },
    attempts: 1,
    leaseUntil: new Date(NOW.getTime() + 60_000),
    marketingOptedOut: false,
    order: ORDER,
    languageCode: 'en',
    digital,
    ...overrides,
  };
}

const render = (m: TelegramOutboxMessage) => renderNotification(m, { publicUrl: 'https://shop.example', now: NOW });

describe('a digital delivery in the chat', () => {
  it('sends a file as a document whose caption names the product and the order, with a button to it', () => {
    const file = { blobKey: `${'a'.repeat(64)}.bin`, fileName: 'Guide.pdf', contentType: 'application/pdf', sizeBytes: 10 };
    const rendered = render(delivery({ kind: 'file', productId: 'p1', title: 'The <Guide>', file }));
    expect(rendered).toMatchObject({ kind: 'send_document', file, params: { chat_id: '42', parse_mode: 'HTML' } });
    if (rendered.kind !== 'send_document') throw new Error('not a document');
    expect(rendered.params.caption).toContain('<b>The &lt;Guide&gt;</b> from order <code>K7QX-M2PA</code>');
    expect(rendered.params.reply_markup?.inline_keyboard[0]![0]).toMatchObject({ web_app: { url: `https://shop.example/orders/${ORDER.id}` } });
  });

  it('sends each key in <code>, escaped, and a text as it was written, in the customer’s language', () => {
    const keys = render(delivery({ kind: 'license_keys', productId: 'p1', title: 'Game', keys: ['AAA-<1>', 'BBB&2'] }, { languageCode: 'ru' }));
    expect(keys).toMatchObject({ kind: 'send' });
    const text = keys.kind === 'send' ? keys.params.text : '';
    expect(text).toContain('<code>AAA-&lt;1&gt;</code>\n<code>BBB&amp;2</code>');
    expect(text).toContain('Ваш ключ');
    const revealed = render(delivery({ kind: 'text', productId: 'p1', title: 'Course', text: 'Join: https://x.example/?a=1&b=2' }, { languageCode: 'fa' }));
    expect(revealed.kind === 'send' && revealed.params.text).toContain('https://x.example/?a=1&amp;b=2');
  });

  it.each([
    ['the order was refunded meanwhile', { order: { ...ORDER, status: 'refunded' as const } }],
    ['the order was cancelled', { order: { ...ORDER, status: 'cancelled' as const } }],
    ['the order is gone', { order: null }],
  ])('sends nothing when %s', (_name, overrides) => {
    expect(render(delivery({ kind: 'text', productId: 'p1', title: 'Course', text: 'secret' }, overrides))).toMatchObject({ kind: 'skip' });
  });

  it('sends nothing when the product has nothing to hand over', () => {
    expect(render(delivery(null))).toMatchObject({ kind: 'skip', reason: 'the product has nothing to deliver' });
  });
});
