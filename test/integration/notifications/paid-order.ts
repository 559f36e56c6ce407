import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { outboxMessages } from '../../../functions/adapters/db/schema';
import { buildCommentPayload } from '../../../functions/core/payments/comment-payload';
import { TEST_CRON_SECRET, type TestApp, type TestUser } from '../../support/test-app';
import { setStock } from '../../support/stock';

export interface OrderJson {
  id: string;
  code: string;
  status: string;
  totalMinor: string;
  items: { title: string; quantity: number; lineTotalMinor: string }[];
  payment: { comment: string } | null;
}

/** Places an order for `user` through the API (stock topped up first). */
export async function placeOrder(t: TestApp, user: TestUser, lines: { slug: string; quantity: number }[] = [{ slug: 'travel-mug', quantity: 2 }]) {
  const catalog = (await (await t.request('/api/catalog')).json()) as { products: { id: string; slug: string }[] };
  for (const line of lines) await setStock(t.db.handle.db, line.slug, 500);
  const auth = await t.authFor(user);
  const res = await t.request('/api/orders', {
    auth,
    body: { items: lines.map((line) => ({ productId: catalog.products.find((p) => p.slug === line.slug)!.id, quantity: line.quantity })) },
  });
  expect(res.status).toBe(201);
  return { order: (await res.json()) as OrderJson, auth };
}

/**
 * Pays the order from a fresh dev-chain wallet, as TON Connect would, and reports the signed message to the
 * shop: the real payment path that marks the order paid.
 */
export async function payOrder(t: TestApp, order: OrderJson, auth: string): Promise<Response> {
  const wallet = await t.ton.dev.chain.createDevWallet();
  const boc = await t.ton.dev.chain.signTransfer(wallet.id, {
    messages: [{ address: t.deps.payments.merchant.friendly, amount: order.totalMinor, payload: buildCommentPayload(order.payment!.comment) }],
    validUntil: Math.floor(Math.max(Date.now(), t.clock.now().getTime()) / 1000) + 300,
  });
  await t.ton.dev.chain.sendExternal(boc);
  return t.request(`/api/orders/${order.id}/payment`, { auth, body: { boc } });
}

/** One run of the notification jobs through the cron route; returns its report. */
export async function runNotify(t: TestApp) {
  const res = await t.request('/api/cron/notify', { method: 'POST', headers: { authorization: `Bearer ${TEST_CRON_SECRET}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as {
    remindersEnqueued: number;
    sent: number;
    retried: number;
    blocked: number;
    failed: number;
    skipped: number;
    rateLimitedUntil: string | null;
  };
}

export async function outboxRowsFor(t: TestApp, orderId: string) {
  return t.db.handle.db.select().from(outboxMessages).where(eq(outboxMessages.orderId, orderId));
}

export type SentMessage = {
  chat_id: number;
  text: string;
  parse_mode?: string;
  reply_markup?: { inline_keyboard: { text: string; web_app?: { url: string }; url?: string }[][] };
};

export const sentTo = (t: TestApp, chatId: number) =>
  (t.bot.callsOf('sendMessage') as unknown as SentMessage[]).filter((message) => message.chat_id === chatId);

/** Sets every message still due aside (failed, with the reason), so each test starts with nothing due and its scripted Bot API failures hit its own messages. */
export async function setAsideDueMessages(t: TestApp): Promise<void> {
  await t.db.handle.db.update(outboxMessages).set({ status: 'failed', lastError: 'left over by an earlier test' }).where(eq(outboxMessages.status, 'pending'));
}
