import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { payments } from '../../functions/adapters/db/schema';
import { buildCommentPayload } from '../../functions/core/payments/comment-payload';
import { TEST_ADMIN_IDS, TEST_CRON_SECRET, type TestApp } from './test-app';
import { setStock, stockOf } from './stock';

/** An order as the customer API answers it. */
export interface OrderJson {
  id: string;
  code: string;
  status: string;
  currency: string;
  totalMinor: string;
  quotes: { asset: string; amount: string; rate: string | null; source: string }[];
  paidAt: string | null;
  expiresAt: string;
  payment: { address: string; amountNano: string | null; comment: string; payload: string; validUntil: number } | null;
  payments?: { txHash: string; lt: string; payerAddress: string; amountNano: string; overpaymentNano: string; status: string; reason: string | null }[];
}

/**
 * What a customer and the shop's jobs do, step by step, against one test app: order, sign and send a
 * payment with a dev-chain wallet, report it, run the reconciler. Shared by the payment suites.
 */
export function shopFlows(t: TestApp) {
  let nextUser = 10_000 + Math.floor(Math.random() * 1_000_000);
  let productIds: Map<string, string> | null = null;

  const flows = {
    async productId(slug: string): Promise<string> {
      productIds ??= new Map(
        ((await (await t.request('/api/catalog')).json()) as { products: { id: string; slug: string }[] }).products.map((p) => [p.slug, p.id]),
      );
      const id = productIds.get(slug);
      if (!id) throw new Error(`no product ${slug} in the catalog`);
      return id;
    },

    setStock(slug: string, stock: number): Promise<void> {
      return setStock(t.db.handle.db, slug, stock);
    },

    stockOf(slug: string): Promise<number> {
      return stockOf(t.db.handle.db, slug);
    },

    /** A new customer's initData (each call a different Telegram user). */
    newCustomer(): Promise<string> {
      return t.authFor({ id: nextUser++ });
    },

    /** A pending order of `quantity` × `slug` by a new customer; stock is topped up to 500 first unless `keepStock`. */
    async newOrder(slug = 'travel-mug', quantity = 1, { keepStock = false, auth }: { keepStock?: boolean; auth?: string } = {}) {
      if (!keepStock) await flows.setStock(slug, 500);
      const customer = auth ?? (await flows.newCustomer());
      const res = await t.request('/api/orders', { auth: customer, body: { items: [{ productId: await flows.productId(slug), quantity }] } });
      expect(res.status).toBe(201);
      return { order: (await res.json()) as OrderJson, auth: customer };
    },

    /** A customer's wallet on the dev chain, as TON Connect would drive it. */
    customerWallet() {
      return t.ton.dev.chain.createDevWallet();
    },

    /** Signs a transfer with a dev wallet; `broadcast` puts it on the chain as the wallet app would. */
    async signPayment(
      walletId: string,
      transfer: { to?: string; amountNano: bigint | string; comment?: string | null; payload?: string },
      { broadcast = true, validUntil }: { broadcast?: boolean; validUntil?: number } = {},
    ): Promise<string> {
      const payload = transfer.payload ?? (transfer.comment != null ? buildCommentPayload(transfer.comment) : undefined);
      const boc = await t.ton.dev.chain.signTransfer(walletId, {
        messages: [{ address: transfer.to ?? t.deps.payments.merchant.friendly, amount: String(transfer.amountNano), ...(payload && { payload }) }],
        // Valid for the chain (real time) and for the shop (the test clock, which tests move forward).
        validUntil: validUntil ?? Math.floor(Math.max(Date.now(), t.clock.now().getTime()) / 1000) + 300,
      });
      if (broadcast) await t.ton.dev.chain.sendExternal(boc);
      return boc;
    },

    /** Pays `order` in full in TON (what its intent asks: the TON quote) with its comment unless told otherwise. Returns the BOC. */
    payFor(
      order: OrderJson,
      walletId: string,
      overrides: Partial<{ amountNano: bigint; comment: string | null; to: string }> = {},
      options?: { broadcast?: boolean; validUntil?: number },
    ): Promise<string> {
      return flows.signPayment(walletId, { amountNano: BigInt(order.payment!.amountNano!), comment: order.payment!.comment, ...overrides }, options);
    },

    /** POST /api/orders/:id/payment with the wallet's BOC. */
    confirm(auth: string, orderId: string, boc: unknown): Promise<Response> {
      return t.request(`/api/orders/${orderId}/payment`, { auth, body: { boc } });
    },

    /** One run of the reconciler through its cron route. */
    reconcile(): Promise<Response> {
      return t.request('/api/cron/reconcile', { method: 'POST', headers: { authorization: `Bearer ${TEST_CRON_SECRET}` } });
    },

    /** The reconciler's report, asserting it ran. */
    async reconciled(): Promise<Record<string, unknown>> {
      const res = await flows.reconcile();
      expect(res.status).toBe(200);
      return (await res.json()) as Record<string, unknown>;
    },

    async getOrder(auth: string, id: string): Promise<OrderJson> {
      const res = await t.request(`/api/orders/${id}`, { auth });
      expect(res.status).toBe(200);
      return (await res.json()) as OrderJson;
    },

    paymentRowsFor(orderId: string) {
      return t.db.handle.db.select().from(payments).where(eq(payments.orderId, orderId));
    },

    /** The admin's list of payments needing attention. */
    async attentionPayments(): Promise<
      { id: string; reason: string; comment: string | null; amountNano: string; txHash: string; lt: string; orderId: string | null }[]
    > {
      const res = await t.request('/api/admin/payments?status=attention', { auth: await t.authFor({ id: TEST_ADMIN_IDS[0]! }) });
      expect(res.status).toBe(200);
      return ((await res.json()) as { payments: never[] }).payments;
    },
  };
  return flows;
}
