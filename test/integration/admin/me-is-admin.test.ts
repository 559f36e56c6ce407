// The Mini App decides whether to offer its "Manage shop" entry from GET /api/me: a 200 for everyone
// (a 403 from /api/admin/session would be logged as an error in every customer's browser).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_ADMIN_IDS, type TestApp } from '../../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  expect(t.errors).toEqual([]);
  await t.close();
});

describe('GET /api/me isAdmin', () => {
  it('is true for a Telegram user listed in ADMIN_IDS', async () => {
    const res = await t.request('/api/me', { auth: await t.authFor({ id: TEST_ADMIN_IDS[0]!, firstName: 'Merchant' }) });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ isAdmin: true, customer: { telegramId: String(TEST_ADMIN_IDS[0]) } });
  });

  it('is false, with a 200, for a customer, who still gets 403 from the admin API', async () => {
    const auth = await t.authFor({ id: 9_000_777, firstName: 'Customer' });
    const res = await t.request('/api/me', { auth });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ isAdmin: false, customer: { telegramId: '9000777' } });
    expect((await t.request('/api/admin/session', { auth })).status).toBe(403);
  });
});
