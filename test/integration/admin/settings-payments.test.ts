import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { payments } from '../../../functions/adapters/db/schema';
import { buildCommentPayload } from '../../../functions/core/payments/comment-payload';
import { createTestApp, TEST_CRON_SECRET, type TestApp } from '../../support/test-app';
import { asAdmin, placeOrder, productIdsBySlug } from './admin-helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  expect(t.errors).toEqual([]);
  await t.close();
});

describe('shop settings', () => {
  it('falls back to the configured shop name and every language before the merchant saves any', async () => {
    const res = await t.request('/api/shop');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      name: 'Bazaar',
      description: '',
      defaultLanguage: 'en',
      languages: ['en', 'ru', 'fa', 'hi'],
      currencyDisplay: 'code',
      country: '',
    });
    expect((await asAdmin(t, '/api/admin/settings')).body.settings).toMatchObject({ name: 'Bazaar', currencyDisplay: 'code' });
  });

  it('saves the settings and the public endpoint and the admin read them back', async () => {
    const settings = {
      name: 'Chai & Co',
      description: 'Tea, by the cup.',
      currencyDisplay: 'symbol',
      defaultLanguage: 'ru',
      languages: ['ru', 'en', 'fa'],
      country: 'IN',
      paySupportText: 'Write to @chai_help with your order code.',
      abandonedCartHours: 12,
    };
    const saved = await asAdmin(t, '/api/admin/settings', { method: 'PUT', body: settings });
    expect(saved.status).toBe(200);
    // Languages come back in the shop's canonical order.
    const expected = { ...settings, languages: ['en', 'ru', 'fa'] };
    expect(saved.body.settings).toEqual(expected);
    expect((await asAdmin(t, '/api/admin/settings')).body.settings).toEqual(expected);
    // The /paysupport text is the bot's to say, and the reminders' wait the shop's own: not its public face.
    const { paySupportText: _bots, abandonedCartHours: _wait, ...publicFace } = expected;
    expect(await (await t.request('/api/shop')).json()).toEqual(publicFace);
  });

  it.each([
    ['a default language not among the languages', { defaultLanguage: 'hi', languages: ['en'] }],
    ['an unknown language', { languages: ['en', 'de'] }],
    ['no languages', { languages: [] }],
    ['an empty name', { name: ' ' }],
    ['an unknown currency display', { currencyDisplay: 'USD' }],
    ['an abandoned-cart wait longer than a month', { abandonedCartHours: 721 }],
    ['an abandoned-cart wait in part hours', { abandonedCartHours: 1.5 }],
  ])('rejects %s with 400 and keeps what was saved', async (_name, change) => {
    const before = (await asAdmin(t, '/api/admin/settings')).body.settings;
    const res = await asAdmin(t, '/api/admin/settings', { method: 'PUT', body: { ...before, ...change } });
    expect(res.status).toBe(400);
    expect((await asAdmin(t, '/api/admin/settings')).body.settings).toEqual(before);
  });
});

describe('payments needing attention', () => {
  async function underpaidPayment() {
    const ids = await productIdsBySlug(t);
    const order = await placeOrder(t, { id: 41_000 + Math.floor(Math.random() * 1000) }, [{ productId: ids.get('beanie')!, quantity: 1 }]);
    const wallet = await t.ton.dev.chain.createDevWallet();
    const boc = await t.ton.dev.chain.signTransfer(wallet.id, {
      messages: [
        { address: t.deps.payments.merchant.friendly, amount: String(BigInt(order.totalMinor) - 1n), payload: buildCommentPayload(order.payment!.comment) },
      ],
      validUntil: Math.floor(Date.now() / 1000) + 300,
    });
    await t.ton.dev.chain.sendExternal(boc);
    const res = await t.request('/api/cron/reconcile', { method: 'POST', headers: { authorization: `Bearer ${TEST_CRON_SECRET}` } });
    expect(res.status).toBe(200);
    const [row] = await t.db.handle.db.select().from(payments).where(eq(payments.orderId, order.id));
    expect(row).toMatchObject({ status: 'attention', reason: 'underpaid' });
    return row!;
  }

  it('lists them with their id, and resolving one takes it off the list with the note kept', async () => {
    const payment = await underpaidPayment();
    const listed = await asAdmin(t, '/api/admin/payments?status=attention');
    // Other payments may need attention too; this one must be among them.
    expect(listed.body.payments).toContainEqual(expect.objectContaining({ id: payment.id, reason: 'underpaid', status: 'attention', explorerUrl: null }));

    const resolved = await asAdmin(t, `/api/admin/payments/${payment.id}/resolve`, { body: { note: 'Refunded 1 nanoton short payment by hand.' } });
    expect(resolved.status).toBe(200);
    expect(resolved.body.payment).toMatchObject({
      id: payment.id,
      status: 'resolved',
      resolution: { note: 'Refunded 1 nanoton short payment by hand.', resolvedBy: '9000001' },
    });
    const after = (await asAdmin(t, '/api/admin/payments?status=attention')).body.payments as { id: string }[];
    expect(after.map((p) => p.id)).not.toContain(payment.id);
    expect(after).toHaveLength(listed.body.payments.length - 1);
    const [row] = await t.db.handle.db.select().from(payments).where(eq(payments.id, payment.id));
    expect(row!.status).toBe('resolved');
  });

  it('refuses to resolve a payment that is not awaiting attention (409) or does not exist (404)', async () => {
    const [resolved] = await t.db.handle.db.select().from(payments).where(eq(payments.status, 'resolved'));
    const again = await asAdmin(t, `/api/admin/payments/${resolved!.id}/resolve`, { body: {} });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('PAYMENT_NOT_IN_ATTENTION');
    const missing = await asAdmin(t, '/api/admin/payments/5b0c8b7e-1e8a-4c4b-9d61-3f1f6a3c9a01/resolve', { body: {} });
    expect(missing.status).toBe(404);
  });
});
