// Two real Node server processes on one PostgreSQL database, sharing one TON chain and one Bot API, take
// orders and confirm payments at the same time. State lives only in Postgres, so scaling out must not
// oversell, pay an order twice or send a notification twice. Needs the PostgreSQL server (DATABASE_URL):
// PGlite lives inside one process and cannot be shared, so without it this file is skipped.
import { serve, type ServerType } from '@hono/node-server';
import { and, eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeCrypto } from '../../functions/adapters/crypto/node-crypto';
import { openDatabase, type DatabaseHandle } from '../../functions/adapters/db/connect';
import { migrateDatabase } from '../../functions/adapters/db/migrate';
import { outboxMessages, payments, products } from '../../functions/adapters/db/schema';
import { seedDemoCatalogIfEmpty } from '../../functions/adapters/db/seed-demo-catalog';
import { createDevChain, type DevChain } from '../../functions/adapters/ton/dev-chain/dev-chain';
import { createDevChainApp } from '../../functions/adapters/ton/dev-chain/dev-chain-app';
import { signInitData } from '../../functions/core/init-data/sign-init-data';
import { buildCommentPayload } from '../../functions/core/payments/comment-payload';
import { startShopServer, type ShopServer } from '../e2e/support/server';
import { createFakeBotApi, type FakeBotApi } from '../fakes/fake-bot-api';
import { setStock, stockOf } from '../support/stock';

const SERVER_URL = process.env.DATABASE_URL;
const BOT_TOKEN = '7000000011:AAmulti-instance-token-for-bazaar-tests';
const MERCHANT_CHAT_ID = 424242;
const STOCK = 6;
const BUYERS = 12;

let dbName: string;
let databaseUrl: string;
let handle: DatabaseHandle;
let chain: DevChain;
let chainServer: ServerType;
let bot: FakeBotApi;
let instances: ShopServer[] = [];
let productId: string;

async function authFor(telegramId: number): Promise<string> {
  const initData = await signInitData({
    fields: {
      user: JSON.stringify({ id: telegramId, first_name: `Buyer ${telegramId}`, language_code: 'en' }),
      auth_date: String(Math.floor(Date.now() / 1000)),
    },
    botToken: BOT_TOKEN,
    crypto: nodeCrypto,
  });
  return `tma ${initData}`;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe.skipIf(!SERVER_URL)('two server instances on one PostgreSQL database', () => {
  beforeAll(async () => {
    dbName = `bazaar_multi_${Date.now().toString(36)}`;
    const admin = postgres(SERVER_URL!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${dbName}`);
    await admin.end({ timeout: 5 });
    const url = new URL(SERVER_URL!);
    url.pathname = `/${dbName}`;
    databaseUrl = url.toString();
    handle = await openDatabase({ driver: 'postgres', url: databaseUrl });
    await migrateDatabase(handle);
    await seedDemoCatalogIfEmpty(handle.db);
    await setStock(handle.db, 'travel-mug', STOCK);
    const [product] = await handle.db.select({ id: products.id }).from(products).where(eq(products.slug, 'travel-mug'));
    productId = product!.id;

    // One chain for both instances, served over real HTTP in the toncenter v3 format.
    chain = await createDevChain();
    const chainPort = await new Promise<number>((resolve) => {
      chainServer = serve({ fetch: createDevChainApp(chain).fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve(info.port));
    });
    bot = createFakeBotApi({ token: BOT_TOKEN });
    const botUrl = await bot.listen();

    const env = {
      DATABASE_URL: databaseUrl,
      BOT_API_URL: botUrl,
      MERCHANT_CHAT_IDS: String(MERCHANT_CHAT_ID),
      PUBLIC_URL: 'https://shop.example',
      TON_NETWORK: 'local',
      TON_INDEXER_URL: `http://127.0.0.1:${chainPort}`,
      MERCHANT_ADDRESS: chain.merchant.address,
      RECONCILE_INTERVAL_SECONDS: '1',
      OUTBOX_INTERVAL_SECONDS: '1',
      DEMO_CATALOG: 'false',
    };
    // The same real server `npm start` runs; DATABASE_URL makes both use the one PostgreSQL database.
    const start = () => startShopServer({ botToken: BOT_TOKEN, staticDir: 'does-not-exist', env });
    instances = await Promise.all([start(), start()]);
    // The dev chain funded the merchant wallet moments ago. Let the reconcilers read past that funding
    // while the shop has no orders (as a real shop's wallet history is long past by its first order);
    // otherwise a transfer seconds before the first order is, rightly, a payment the merchant must see.
    await new Promise((r) => setTimeout(r, 2500));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    await bot?.close();
    await new Promise<void>((r) => (chainServer ? chainServer.close(() => r()) : r()));
    await handle?.close();
    if (dbName) {
      const admin = postgres(SERVER_URL!, { max: 1, onnotice: () => {} });
      await admin.unsafe(`drop database if exists ${dbName} with (force)`);
      await admin.end({ timeout: 5 });
    }
  }, 60_000);

  it('sells each unit once, pays each order once and sends each notification once', async () => {
    // Twelve buyers, half on each instance, all at once, for six units.
    const attempts = await Promise.all(
      Array.from({ length: BUYERS }, async (_, i) => {
        const auth = await authFor(600_000 + i);
        const res = await fetch(`${instances[i % 2]!.url}/api/orders`, {
          method: 'POST',
          headers: { authorization: auth, 'content-type': 'application/json' },
          body: JSON.stringify({ items: [{ productId, quantity: 1 }] }),
        });
        return { status: res.status, body: (await res.json()) as any, auth, instance: i % 2 };
      }),
    );
    const sold = attempts.filter((a) => a.status === 201);
    const refused = attempts.filter((a) => a.status !== 201);
    expect(sold).toHaveLength(STOCK);
    expect(refused.map((a) => [a.status, a.body.error.code])).toEqual(Array(BUYERS - STOCK).fill([409, 'OUT_OF_STOCK']));
    expect(await stockOf(handle.db, 'travel-mug')).toBe(0);

    // Each buyer pays once on-chain and reports the same signed message to both instances at once, while
    // both instances' reconcilers read the same merchant account.
    await Promise.all(
      sold.map(async ({ body: order, auth }) => {
        const wallet = await chain.createDevWallet();
        const boc = await chain.signTransfer(wallet.id, {
          messages: [{ address: order.payment.address, amount: order.payment.amountNano, payload: buildCommentPayload(order.payment.comment) }],
          validUntil: Math.floor(Date.now() / 1000) + 300,
        });
        await chain.sendExternal(boc);
        const confirms = await Promise.all(
          instances.map((instance) =>
            fetch(`${instance.url}/api/orders/${order.id}/payment`, {
              method: 'POST',
              headers: { authorization: auth, 'content-type': 'application/json' },
              body: JSON.stringify({ boc }),
            }),
          ),
        );
        expect(confirms.map((r) => r.status).every((s) => s === 200 || s === 202)).toBe(true);
      }),
    );

    for (const { body: order, auth } of sold) {
      await waitFor(`order ${order.code} paid`, async () => {
        const res = await fetch(`${instances[0]!.url}/api/orders/${order.id}`, { headers: { authorization: auth } });
        const json = (await res.json()) as any;
        return json.status === 'paid' ? json : undefined;
      });
    }
    const applied = await handle.db.select().from(payments).where(eq(payments.status, 'applied'));
    expect(applied).toHaveLength(STOCK);
    expect(new Set(applied.map((p) => p.orderId)).size).toBe(STOCK);
    expect(await handle.db.select().from(payments).where(eq(payments.status, 'attention'))).toEqual([]);

    // Two outbox workers race for the same rows: every message goes out once.
    const expectedMessages = STOCK * 2;
    await waitFor('every notification sent', async () => {
      const [row] = await handle.db
        .select({ pending: sql<number>`count(*)`.mapWith(Number) })
        .from(outboxMessages)
        .where(and(sql`${outboxMessages.kind} like 'order_paid_%'`, sql`${outboxMessages.status} <> 'sent'`));
      return bot.callsOf('sendMessage').length >= expectedMessages && row!.pending === 0 ? true : undefined;
    });
    // Give both workers a few more rounds to send a duplicate, if they were going to.
    await new Promise((r) => setTimeout(r, 3000));
    const sent = bot.callsOf('sendMessage');
    expect(sent).toHaveLength(expectedMessages);
    const toMerchant = sent.filter((m) => m.chat_id === MERCHANT_CHAT_ID);
    expect(toMerchant).toHaveLength(STOCK);
    const customerChats = sent.filter((m) => m.chat_id !== MERCHANT_CHAT_ID).map((m) => m.chat_id);
    expect(new Set(customerChats).size).toBe(STOCK);
    for (const { body: order } of sold) {
      expect(toMerchant.filter((m) => String(m.text).includes(order.code))).toHaveLength(1);
    }
    expect(bot.unexpected).toEqual([]);
  }, 120_000);
});
