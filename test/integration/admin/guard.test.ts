import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app';
import { adminAuth } from './admin-helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  expect(t.errors).toEqual([]);
  await t.close();
});

const SOME_ID = '5b0c8b7e-1e8a-4c4b-9d61-3f1f6a3c9a01';

/** Every admin route. A route added to the app but missing here fails the completeness test below. */
const ADMIN_ROUTES: { method: string; path: string; body?: unknown; headers?: Record<string, string> }[] = [
  { method: 'GET', path: '/api/admin/session' },
  { method: 'GET', path: '/api/admin/orders' },
  { method: 'GET', path: `/api/admin/orders/${SOME_ID}` },
  { method: 'POST', path: `/api/admin/orders/${SOME_ID}/actions`, body: { action: 'cancel' } },
  { method: 'POST', path: `/api/admin/orders/${SOME_ID}/stars-refund` },
  { method: 'GET', path: `/api/admin/orders/${SOME_ID}/refunds` },
  { method: 'POST', path: `/api/admin/orders/${SOME_ID}/refunds`, body: { amount: '1', wallet: '0:' + '00'.repeat(32) } },
  { method: 'POST', path: `/api/admin/orders/${SOME_ID}/refunds/${SOME_ID}/boc`, body: { boc: 'te6cc' } },
  { method: 'GET', path: '/api/admin/products' },
  { method: 'POST', path: '/api/admin/products', body: { slug: 'x', title: 'X', priceMinor: '1', stock: 1 } },
  { method: 'PATCH', path: `/api/admin/products/${SOME_ID}`, body: { active: false } },
  { method: 'PUT', path: `/api/admin/products/${SOME_ID}/variants`, body: { options: [], variants: [{ stock: 1 }] } },
  { method: 'GET', path: `/api/admin/products/${SOME_ID}/digital` },
  { method: 'PUT', path: `/api/admin/products/${SOME_ID}/digital`, body: { kind: 'text', text: 'Hacked' } },
  { method: 'POST', path: `/api/admin/products/${SOME_ID}/digital/file`, body: 'hacked bytes', headers: { 'content-type': 'application/pdf' } },
  { method: 'POST', path: `/api/admin/products/${SOME_ID}/digital/keys`, body: { keys: 'HACKED-KEY' } },
  { method: 'GET', path: '/api/admin/categories' },
  { method: 'POST', path: '/api/admin/categories', body: { slug: 'x', title: 'X' } },
  { method: 'PATCH', path: '/api/admin/categories/coffee', body: { title: 'Hacked' } },
  { method: 'DELETE', path: '/api/admin/categories/coffee' },
  { method: 'POST', path: '/api/admin/images', body: '\x89PNG\r\n\x1a\n', headers: { 'content-type': 'image/png' } },
  { method: 'GET', path: '/api/admin/settings' },
  { method: 'PUT', path: '/api/admin/settings', body: { name: 'Hacked', currencyDisplay: 'code', defaultLanguage: 'en', languages: ['en'] } },
  { method: 'GET', path: '/api/admin/delivery' },
  { method: 'PUT', path: '/api/admin/delivery', body: { methods: [] } },
  { method: 'GET', path: '/api/admin/promo-codes' },
  { method: 'POST', path: '/api/admin/promo-codes', body: { code: 'HACKED', kind: 'percent', percent: 100 } },
  { method: 'PATCH', path: `/api/admin/promo-codes/${SOME_ID}`, body: { active: true } },
  { method: 'DELETE', path: `/api/admin/promo-codes/${SOME_ID}` },
  { method: 'GET', path: '/api/admin/payments?status=attention' },
  { method: 'POST', path: `/api/admin/payments/${SOME_ID}/resolve`, body: {} },
  { method: 'GET', path: '/api/admin/sales?days=30' },
  { method: 'GET', path: '/api/admin/export?kind=customers&format=csv' },
  { method: 'POST', path: '/api/admin/import?format=json', body: { kind: 'catalog', items: [] } },
  { method: 'POST', path: '/api/admin/channel-posts/preview', body: { products: ['espresso-beans'], locale: 'en' } },
  { method: 'POST', path: '/api/admin/channel-posts', body: { products: ['espresso-beans'], locale: 'en' } },
  { method: 'GET', path: `/api/admin/channel-posts/${SOME_ID}` },
  { method: 'POST', path: '/api/admin/announcements/preview', body: { text: 'Hacked', audience: { kind: 'all' } } },
  { method: 'POST', path: '/api/admin/announcements', body: { text: 'Hacked', audience: { kind: 'all' } } },
  { method: 'GET', path: `/api/admin/announcements/${SOME_ID}` },
];

function call(route: (typeof ADMIN_ROUTES)[number], auth?: string) {
  return t.request(route.path, {
    method: route.method,
    ...(route.body !== undefined && { body: route.body }),
    ...(route.headers && { headers: route.headers }),
    ...(auth && { auth }),
  });
}

/** A route pattern as Hono lists it, e.g. /api/admin/orders/:id/actions. */
function pattern(path: string): string {
  // A second id in a path is a refund's (the only route with two).
  return path.split('?')[0]!.replace(SOME_ID, ':id').replace(SOME_ID, ':refundId').replace('/coffee', '/:id');
}

describe('the admin guard', () => {
  it('lists every admin route the app serves', () => {
    const served = new Set(
      t.app.routes
        .filter((r) => r.path.startsWith('/api/admin/') && r.method !== 'ALL' && !r.path.endsWith('*'))
        .map((r) => `${r.method} ${r.path.replace(/\/$/, '')}`),
    );
    const listed = new Set(ADMIN_ROUTES.map((r) => `${r.method} ${pattern(r.path)}`));
    expect([...served].sort()).toEqual([...listed].sort());
  });

  it.each(ADMIN_ROUTES)('answers $method $path without sign-in with 401', async (route) => {
    const res = await call(route);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('INIT_DATA_MISSING');
  });

  it.each(ADMIN_ROUTES)('answers $method $path for a signed-in customer who is not an admin with 403', async (route) => {
    const res = await call(route, await t.authFor({ id: 555, firstName: 'Mallory' }));
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('FORBIDDEN');
  });

  it('changed nothing for the refused callers', async () => {
    const settings = await (await t.request('/api/shop')).json();
    expect(settings.name).not.toBe('Hacked');
    const res = await t.request('/api/admin/categories', { auth: await adminAuth(t) });
    const categories = (await res.json()).categories as { id: string; title: string }[];
    expect(categories.find((c) => c.id === 'coffee')?.title).toBe('Coffee');
  });

  it('lets an admin in', async () => {
    const res = await t.request('/api/admin/session', { auth: await adminAuth(t) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ admin: { telegramId: '9000001', firstName: 'Merchant' } });
  });

  it('refuses an admin whose initData signature does not match', async () => {
    const auth = (await adminAuth(t)).replace(/hash=[0-9a-f]{4}/, 'hash=0000');
    const res = await t.request('/api/admin/session', { auth });
    expect(res.status).toBe(401);
  });
});
