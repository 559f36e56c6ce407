import { expect } from 'vitest';
import { nodeCrypto } from '../../../../functions/adapters/crypto/node-crypto';
import type { DevChain } from '../../../../functions/adapters/ton/dev-chain/dev-chain';
import { signInitData } from '../../../../functions/core/init-data/sign-init-data';
import { MAX_JSON_BODY_BYTES } from '../../../../functions/http/read-json-body';
import { TEST_BOT_TOKEN, TEST_CRON_SECRET } from '../../../support/test-app';
import type { Answer } from './compare-answers';
import { FIXTURE_INDEX_HTML, FIXTURE_SCRIPT, FIXTURE_SCRIPT_PATH } from './fixture-site';

/** What one target's run of the cases remembers between them (its own ids). */
export interface CaseContext {
  /** Sends a request to the target: over HTTP, or into a serverless handler as a Request. */
  request(path: string, init?: RequestInit): Promise<Response>;
  chain: DevChain;
  products: Map<string, { id: string; slug: string; priceMinor: string; stock: number }>;
  orderId?: string;
  order?: { id: string; totalMinor: string; payment: { address: string; comment: string; payload: string } | null };
}

export interface HttpCase {
  name: string;
  send(ctx: CaseContext): Promise<Response>;
  status: number;
  /** The error code, for 4xx answers. */
  code?: string;
  /** How the two hosts' answers must agree: fully (modulo ids and times), in shape only, or in status. */
  compare: 'answer' | 'shape' | 'status';
  /** Answered by the host's static files (the built Mini App), not by a function. */
  static?: true;
  /** Target-specific checks, and what the next cases need. */
  check?(answer: Answer, ctx: CaseContext): void | Promise<void>;
}

const CUSTOMER = { id: 4_200_001, first_name: 'Parity', language_code: 'en' };
const OTHER_CUSTOMER = { id: 4_200_002, first_name: 'Someone else', language_code: 'en' };

/** The Authorization header of the customer the cases act as (Mini App initData, signed now). */
export const customerAuthorization = (): Promise<string> => tmaFor(CUSTOMER);

async function tmaFor(user: typeof CUSTOMER): Promise<string> {
  const initData = await signInitData({
    fields: { query_id: `AAP${user.id}`, user: JSON.stringify(user), auth_date: String(Math.floor(Date.now() / 1000)) },
    botToken: TEST_BOT_TOKEN,
    crypto: nodeCrypto,
  });
  return `tma ${initData}`;
}

function send(ctx: CaseContext, path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
  const { json, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (json !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
  return ctx.request(path, { ...rest, headers, ...(json !== undefined && { body: JSON.stringify(json) }) });
}

const asCustomer = async (ctx: CaseContext, path: string, init: RequestInit & { json?: unknown } = {}) =>
  send(ctx, path, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: await tmaFor(CUSTOMER) } });

/**
 * The integration suite's HTTP cases that every host must answer alike, in order (later ones use what
 * earlier ones created): catalog, product, the TON Connect manifest, media, orders with Mini App auth,
 * paying with a wallet on the dev chain, the errors (401/404/400/413/415), health, cron auth, and the
 * static Mini App with its client-side routes.
 */
export const HTTP_CASES: HttpCase[] = [
  {
    name: 'GET /api/health reports database, chain reader and bot as ok',
    send: (ctx) => send(ctx, '/api/health'),
    status: 200,
    compare: 'answer',
    check: ({ body }) =>
      expect(body).toMatchObject({
        status: 'ok',
        checks: { database: { ok: true, state: 'ok' }, chain: { ok: true, state: 'ok' }, bot: { ok: true, state: 'ok' } },
      }),
  },
  {
    name: 'GET /api/catalog lists the seeded products',
    send: (ctx) => send(ctx, '/api/catalog'),
    status: 200,
    compare: 'answer',
    check: ({ body }, ctx) => {
      const { products } = body as { products: { id: string; slug: string; priceMinor: string; stock: number }[] };
      expect(products.length).toBeGreaterThanOrEqual(24);
      for (const product of products) ctx.products.set(product.slug, product);
    },
  },
  {
    name: 'GET /api/products/:slug answers one product',
    send: (ctx) => send(ctx, `/api/products/${firstInStock(ctx).slug}`),
    status: 200,
    compare: 'answer',
    check: ({ body }, ctx) => expect(body).toMatchObject({ slug: firstInStock(ctx).slug }),
  },
  {
    name: 'GET /api/products/:slug of no product is 404',
    send: (ctx) => send(ctx, '/api/products/no-such-thing'),
    status: 404,
    code: 'PRODUCT_NOT_FOUND',
    compare: 'answer',
  },
  {
    name: 'GET /tonconnect-manifest.json names the shop at PUBLIC_URL',
    send: (ctx) => send(ctx, '/tonconnect-manifest.json'),
    status: 200,
    compare: 'answer',
    check: ({ body }) => expect(body).toEqual({ url: 'https://shop.example', name: 'Parity shop', iconUrl: 'https://shop.example/icon-192.png' }),
  },
  {
    name: 'GET /media/demo/:file draws a demo picture',
    send: (ctx) => send(ctx, `/media/demo/${firstInStock(ctx).slug}.svg`),
    status: 200,
    compare: 'answer',
    check: ({ contentType, body }) => {
      expect(contentType).toMatch(/^image\/svg\+xml/);
      expect(String(body)).toMatch(/^<svg/);
    },
  },
  { name: 'GET /api/orders without initData is 401', send: (ctx) => send(ctx, '/api/orders'), status: 401, code: 'INIT_DATA_MISSING', compare: 'answer' },
  {
    name: 'GET /api/orders with a forged signature is 401',
    send: async (ctx) => send(ctx, '/api/orders', { headers: { authorization: (await tmaFor(CUSTOMER)).replace(/hash=[0-9a-f]{4}/, 'hash=0000') } }),
    status: 401,
    code: 'INIT_DATA_SIGNATURE_INVALID',
    compare: 'answer',
  },
  {
    name: 'POST /api/orders as text/plain is 415',
    send: (ctx) => asCustomer(ctx, '/api/orders', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' }),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    compare: 'answer',
  },
  {
    name: 'POST /api/orders with a body over the limit is 413',
    send: (ctx) => asCustomer(ctx, '/api/orders', { method: 'POST', json: { items: [], pad: 'x'.repeat(MAX_JSON_BODY_BYTES) } }),
    status: 413,
    code: 'BODY_TOO_LARGE',
    compare: 'answer',
  },
  {
    name: 'POST /api/orders with broken JSON is 400',
    send: (ctx) => asCustomer(ctx, '/api/orders', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"items": [' }),
    status: 400,
    code: 'INVALID_JSON',
    compare: 'answer',
  },
  {
    name: 'POST /api/orders with no items is 400',
    send: (ctx) => asCustomer(ctx, '/api/orders', { method: 'POST', json: { items: [] } }),
    status: 400,
    code: 'VALIDATION_FAILED',
    compare: 'answer',
  },
  {
    name: 'POST /api/orders prices the order on the server',
    send: (ctx) => asCustomer(ctx, '/api/orders', { method: 'POST', json: { items: [{ productId: firstInStock(ctx).id, quantity: 2, priceMinor: '1' }] } }),
    status: 201,
    compare: 'answer',
    check: ({ body }, ctx) => {
      const order = body as NonNullable<CaseContext['order']> & { status: string };
      expect(order).toMatchObject({ status: 'pending', totalMinor: String(BigInt(firstInStock(ctx).priceMinor) * 2n) });
      ctx.order = order;
    },
  },
  {
    name: "GET /api/orders lists the customer's order",
    send: (ctx) => asCustomer(ctx, '/api/orders'),
    status: 200,
    compare: 'answer',
    check: ({ body }, ctx) => expect((body as { orders: { id: string }[] }).orders.map((o) => o.id)).toEqual([ctx.order!.id]),
  },
  { name: 'GET /api/orders/:id answers the order', send: (ctx) => asCustomer(ctx, `/api/orders/${ctx.order!.id}`), status: 200, compare: 'answer' },
  {
    name: "GET /api/orders/:id of another customer's order is 404",
    send: async (ctx) => send(ctx, `/api/orders/${ctx.order!.id}`, { headers: { authorization: await tmaFor(OTHER_CUSTOMER) } }),
    status: 404,
    code: 'ORDER_NOT_FOUND',
    compare: 'answer',
  },
  {
    name: 'GET /api/orders/:id that is not an id is 404',
    send: (ctx) => asCustomer(ctx, '/api/orders/not-an-id'),
    status: 404,
    code: 'ORDER_NOT_FOUND',
    compare: 'answer',
  },
  {
    name: 'POST /api/orders/:id/payment with the wallet’s BOC marks the order paid',
    send: async (ctx) => {
      const wallet = await ctx.chain.createDevWallet();
      const payment = ctx.order!.payment!;
      const { boc } = await ctx.chain.sendTransaction(wallet.id, {
        messages: [{ address: payment.address, amount: ctx.order!.totalMinor, payload: payment.payload }],
        validUntil: Math.floor(Date.now() / 1000) + 300,
      });
      return asCustomer(ctx, `/api/orders/${ctx.order!.id}/payment`, { method: 'POST', json: { boc } });
    },
    status: 200,
    compare: 'answer',
    check: ({ body }) => expect(body).toMatchObject({ status: 'paid', payments: [{ status: 'applied', overpaymentNano: '0' }] }),
  },
  {
    name: 'GET /api/cron/run (Vercel Cron) without the secret is 401',
    send: (ctx) => send(ctx, '/api/cron/run'),
    status: 401,
    code: 'CRON_UNAUTHORIZED',
    compare: 'answer',
  },
  {
    name: 'POST /api/cron/reconcile without the secret is 401',
    send: (ctx) => send(ctx, '/api/cron/reconcile', { method: 'POST' }),
    status: 401,
    code: 'CRON_UNAUTHORIZED',
    compare: 'answer',
  },
  {
    name: 'POST /api/cron/reconcile with the secret runs the reconciler',
    send: (ctx) => send(ctx, '/api/cron/reconcile', { method: 'POST', headers: { authorization: `Bearer ${TEST_CRON_SECRET}` } }),
    status: 200,
    // How much a run finds depends on what ran before it (the Node server also reconciles on an interval).
    compare: 'shape',
  },
  { name: 'an unknown API route is 404', send: (ctx) => send(ctx, '/api/no-such-route'), status: 404, code: 'NOT_FOUND', compare: 'answer' },
  {
    name: 'GET / serves the Mini App',
    static: true,
    send: (ctx) => send(ctx, '/'),
    status: 200,
    compare: 'answer',
    check: ({ contentType, body }) => {
      expect(contentType).toMatch(/^text\/html/);
      expect(body).toBe(FIXTURE_INDEX_HTML);
    },
  },
  {
    name: 'a client-side route gets index.html',
    static: true,
    send: (ctx) => send(ctx, '/orders/123'),
    status: 200,
    compare: 'answer',
    check: ({ body }) => expect(body).toBe(FIXTURE_INDEX_HTML),
  },
  {
    name: 'a hashed asset is served as it was built',
    static: true,
    send: (ctx) => send(ctx, FIXTURE_SCRIPT_PATH),
    status: 200,
    compare: 'answer',
    check: ({ contentType, body }) => {
      expect(contentType).toMatch(/javascript/);
      expect(body).toBe(FIXTURE_SCRIPT);
    },
  },
];

function firstInStock(ctx: CaseContext) {
  const product = [...ctx.products.values()].find((p) => p.stock >= 5);
  if (!product) throw new Error('the catalog case did not run first');
  return product;
}
