import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_ADMIN_IDS, TEST_CRON_SECRET, TEST_ORIGIN, TEST_WEBHOOK_SECRET, type TestApp } from '../../support/test-app';
import { readAppRoutes, readDocRoutes, routeKey } from './doc-routes';
import { requestArbitrary, type Callers, type FuzzRequest } from './fuzz-requests';
import { fuzzRoutes, type FuzzPools, type FuzzRoute } from './fuzz-routes';

// The route fuzzer (issue #11): every route in docs/api.md gets requests generated from its own zod
// schemas, then broken one way each (U+0000 and lone surrogates in every string, wrong types, missing and
// extra fields, numbers out of range, over-long text, huge lists, malformed and upper-case ids, bad
// JSON, wrong content types), from the right callers and the wrong ones. Not one may answer 5xx, and
// every 4xx must be the API's `{ error: { code, message } }`. The seed is fixed (FUZZ_SEED overrides it)
// and printed, so a failure can be replayed.

const SEED = Number(process.env.FUZZ_SEED ?? 11_007);
const REQUESTS_PER_ROUTE = 26;
const REQUESTS_PER_COSTLY_ROUTE = 6;

let t: TestApp;
let pools: FuzzPools & { orderIds: string[]; paymentIds: string[]; slugs: string[] };
let callers: Callers;

beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.authFor({ id: TEST_ADMIN_IDS[0]!, firstName: 'Merchant' });
  const customer = await t.authFor({ id: 88_000, firstName: 'Fuzz' });
  const catalog = (await (await t.request('/api/catalog')).json()) as {
    products: { id: string; slug: string; stock: number; variants: { id: string }[] }[];
    categories: { id: string }[];
  };
  const inStock = catalog.products.filter((p) => p.stock > 0);
  const orderIds: string[] = [];
  for (const product of inStock.slice(0, 3)) {
    const res = await t.request('/api/orders', { auth: customer, body: { items: [{ productId: product.id, quantity: 1 }] } });
    orderIds.push(((await res.json()) as { id: string }).id);
  }
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
  const upload = await t.app.request(`${TEST_ORIGIN}/api/admin/images`, {
    method: 'POST',
    headers: { authorization: admin, 'content-type': 'image/png' },
    body: png,
  });
  const { url: image } = (await upload.json()) as { url: string };
  const wallets = await Promise.all([0, 1, 2, 3].map(() => t.ton.dev.chain.createDevWallet()));
  const promo = await t.request('/api/admin/promo-codes', { auth: admin, body: { code: 'FUZZ10', kind: 'percent', value: '1000' } });
  const { promoCode } = (await promo.json()) as { promoCode: { id: string } };
  pools = {
    productIds: catalog.products.map((p) => p.id),
    variantIds: catalog.products.flatMap((p) => p.variants.map((v) => v.id)),
    promoIds: [promoCode.id],
    slugs: catalog.products.map((p) => p.slug),
    categoryIds: catalog.categories.map((c) => c.id),
    images: [image],
    orderIds,
    paymentIds: [],
    // Signed by Telegram, names and all: the shop must take them, whatever text they carry.
    widgetBodies: await Promise.all(
      [
        ['Ann', 88_100],
        ['Nul\u0000', 88_101],
        ['Half \uD83D', 88_102],
      ].map(([firstName, id]) => t.widgetFor({ id: id as number, firstName: firstName as string })),
    ),
    tonProofBodies: await Promise.all(wallets.map((wallet) => t.tonProofFor(wallet))),
  };
  callers = {
    nobody: {},
    customer: { authorization: customer },
    admin: { authorization: admin },
    'customer (web)': { cookie: await t.webSignIn({ id: 88_001 }), origin: TEST_ORIGIN },
    'admin (web)': { cookie: await t.webSignIn({ id: TEST_ADMIN_IDS[0]! }), origin: TEST_ORIGIN },
    'admin (web, no Origin)': { cookie: await t.webSignIn({ id: TEST_ADMIN_IDS[0]! }) },
    'admin (web, another site)': { cookie: await t.webSignIn({ id: TEST_ADMIN_IDS[0]! }), origin: 'https://evil.example' },
    'a forged session': { cookie: 'bazaar_session=00000000-0000-0000-0000-000000000000.forged', origin: TEST_ORIGIN },
    'expired initData': { authorization: await t.authFor({ id: 88_002 }, { authDate: Math.floor(t.clock.now().getTime() / 1000) - 3 * 86_400 }) },
    'tampered initData': { authorization: customer.replace('Fuzz', 'Fuzx') },
    'a customer named with U+0000': { authorization: await t.authFor({ id: 88_003, firstName: 'Nul\u0000', username: 'nul\u0000' }) },
    'a customer named with a lone surrogate': { authorization: await t.authFor({ id: 88_004, firstName: 'Half \uDE00', languageCode: 'en\uD83D' }) },
    cron: { authorization: `Bearer ${TEST_CRON_SECRET}` },
    'a wrong cron secret': { authorization: 'Bearer not-the-secret' },
    telegram: { 'x-telegram-bot-api-secret-token': TEST_WEBHOOK_SECRET },
    'a wrong webhook secret': { 'x-telegram-bot-api-secret-token': 'not-the-secret-0123456789' },
  };
}, 120_000);

afterAll(async () => {
  await t?.close();
});

interface Outcome {
  route: FuzzRoute;
  request: FuzzRequest;
  status: number;
  problem: string | null;
}

/** What is wrong with an answer: a 5xx, or a 4xx that is not `{ error: { code, message } }`. */
async function problemWith(res: Response): Promise<string | null> {
  const text = await res.text();
  if (res.status >= 500) return `answered ${res.status}: ${text.slice(0, 200)}`;
  if (res.status < 400) return null;
  if (!res.headers.get('content-type')?.includes('application/json')) return `a ${res.status} that is not JSON: ${text.slice(0, 200)}`;
  try {
    const { error } = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    if (typeof error?.code === 'string' && error.code !== '' && typeof error.message === 'string') return null;
  } catch {
    // Reported below.
  }
  return `a ${res.status} without { error: { code, message } }: ${text.slice(0, 200)}`;
}

function describeFailure({ route, request, problem }: Outcome): string {
  return `${route.method} ${route.path} as ${request.caller} (${request.mutation}): ${request.method} ${request.url.slice(0, 160)} → ${problem}`;
}

describe('the route fuzzer', () => {
  it('fuzzes exactly the routes docs/api.md lists, which are exactly the routes the app answers', () => {
    const fuzzed = new Set(fuzzRoutes(pools).map((r) => routeKey(r.method, r.path)));
    expect([...readDocRoutes()].sort()).toEqual([...fuzzed].sort());
    expect([...readAppRoutes(t.app.routes)].sort()).toEqual([...fuzzed].sort());
  });

  it('gets no 5xx and only JSON errors from over a thousand generated bad requests', async () => {
    // Signing out ends the sessions other routes are fuzzed with: it goes last.
    const routes = fuzzRoutes(pools).sort((a, b) => Number(a.path === '/api/auth/logout') - Number(b.path === '/api/auth/logout'));
    const outcomes: Outcome[] = [];
    for (const [index, route] of routes.entries()) {
      const requests = fc.sample(requestArbitrary(route, pools, callers), {
        seed: SEED + index,
        numRuns: route.costly ? REQUESTS_PER_COSTLY_ROUTE : REQUESTS_PER_ROUTE,
      });
      for (const request of requests) {
        const res = await t.app.request(`${TEST_ORIGIN}${request.url}`, {
          method: request.method,
          headers: request.headers,
          ...(request.body !== undefined && { body: request.body as BodyInit }),
        });
        outcomes.push({ route, request, status: res.status, problem: await problemWith(res) });
      }
    }

    const byStatus = new Map<number, number>();
    for (const { status } of outcomes) byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    const serverErrors = outcomes.filter((o) => o.status >= 500).length;
    const statuses = [...byStatus]
      .sort(([a], [b]) => a - b)
      .map(([status, n]) => `${status}×${n}`)
      .join(' ');
    console.log(`route fuzzer: seed ${SEED}, ${outcomes.length} requests over ${routes.length} routes; ${statuses}; 5xx: ${serverErrors}`);

    const failures = outcomes.filter((o) => o.problem !== null);
    expect(failures.slice(0, 10).map(describeFailure)).toEqual([]);
    expect(t.errors).toEqual([]);
    expect(t.bot.unexpected).toEqual([]);
    expect(outcomes.length).toBeGreaterThanOrEqual(1000);
    // The right callers got past the door of every route, so the fuzzing reached the routes themselves.
    const reached = new Set(outcomes.filter((o) => o.status !== 401 && o.status !== 403).map((o) => routeKey(o.route.method, o.route.path)));
    expect(routes.map((r) => routeKey(r.method, r.path)).filter((key) => !reached.has(key))).toEqual([]);
  }, 180_000);
});
