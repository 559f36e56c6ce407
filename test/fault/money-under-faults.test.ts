// Issue #11, "money that cannot be stopped, lost or held hostage": two real shop servers on the real
// PostgreSQL server take orders and payments while their database backends are terminated at random
// moments (pg_terminate_backend), the indexer they read answers half its calls with a 500, a hang past the
// client's timeout, a page cut short or a page out of order, and the Bot API fails half its calls (500 or
// 429 with retry_after). Then the faults stop, the reconcilers and outbox workers recover, and the
// database must hold the money path's invariants with every payment accounted for. Needs the PostgreSQL
// server (DATABASE_URL names it; the suite uses a database of its own): skipped without it.
import { and, eq, inArray, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../functions/adapters/db/connect';
import { migrateDatabase } from '../../functions/adapters/db/migrate';
import { orders, outboxMessages, productVariants, products } from '../../functions/adapters/db/schema';
import { createDevChain, type DevChain } from '../../functions/adapters/ton/dev-chain/dev-chain';
import { createDevChainApp } from '../../functions/adapters/ton/dev-chain/dev-chain-app';
import { createToncenterReader } from '../../functions/adapters/ton/toncenter-reader';
import { buildCommentPayload } from '../../functions/core/payments/comment-payload';
import { startShopServer, type ShopServer } from '../e2e/support/server';
import { createFakeBotApi, type FakeBotApi } from '../fakes/fake-bot-api';
import { doubleCredits, paymentViolations, stockViolations, unitsOversold, unrecordedTransfers } from '../support/money-invariants';
import { createAnswerLog, initDataFor, postAsCustomer } from './support/customers';
import { seededRandom, startFaultProxy, after, type FaultProxy } from './support/fault-proxy';
import {
  BOT_FAULTS,
  createBackendKiller,
  INDEXER_FAULTS,
  injectBotFault,
  injectIndexerFault,
  type BackendKiller,
  type BotFault,
  type IndexerFault,
} from './support/faults';

const SERVER_URL = process.env.DATABASE_URL;
const DATABASE = 'bazaar_fault';
const SEED = Number(process.env.FAULT_SEED ?? 11_2026);
const BOT_TOKEN = '7000000012:AAfault-injection-token-for-bazaar';
const MERCHANT_CHAT_ID = 434343;
const VARIANTS = 3;
const STOCK = 8;
const BUYERS = 48;

const urlOf = (database: string) => Object.assign(new URL(SERVER_URL!), { pathname: `/${database}` }).toString();

let random: () => number;
let chain: DevChain;
let indexer: FaultProxy<IndexerFault>;
let botApi: FaultProxy<BotFault>;
let bot: FakeBotApi;
let killer: BackendKiller;
let instances: ShopServer[] = [];
let variantProducts: { productId: string; variantId: string }[] = [];

describe.skipIf(!SERVER_URL)('money under faults: killed database backends, a failing indexer and Bot API', () => {
  beforeAll(async () => {
    random = seededRandom(SEED);
    const admin = postgres(urlOf('postgres'), { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${DATABASE} with (force)`);
    await admin.unsafe(`create database ${DATABASE}`);
    await admin.end({ timeout: 5 });
    const setup = await openDatabase({ driver: 'postgres', url: urlOf(DATABASE) });
    await migrateDatabase(setup);
    const inserted = await setup.db
      .insert(products)
      .values(Array.from({ length: VARIANTS }, (_, i) => ({ slug: `fault-${i}`, title: `Fault ${i}`, priceMinor: 1_000_000_000n + BigInt(i) })))
      .returning({ id: products.id });
    const variants = await setup.db
      .insert(productVariants)
      .values(inserted.map((row) => ({ productId: row.id, optionValues: [], stock: STOCK })))
      .returning({ id: productVariants.id, productId: productVariants.productId });
    variantProducts = variants.map((v) => ({ productId: v.productId, variantId: v.id }));
    await setup.close();

    // The chain in the toncenter v3 format, reached only through the faulty indexer proxy.
    chain = await createDevChain();
    const chainApp = createDevChainApp(chain);
    indexer = await startFaultProxy({
      upstream: (r) => Promise.resolve(chainApp.fetch(r)),
      random,
      rate: 0.5,
      kinds: INDEXER_FAULTS,
      inject: injectIndexerFault,
    });
    bot = createFakeBotApi({ token: BOT_TOKEN });
    botApi = await startFaultProxy({ upstream: bot.fetch, random, rate: 0.5, kinds: BOT_FAULTS, inject: injectBotFault });
    killer = createBackendKiller(urlOf('postgres'), DATABASE);

    const env = {
      DATABASE_URL: urlOf(DATABASE),
      BOT_API_URL: botApi.url,
      MERCHANT_CHAT_IDS: String(MERCHANT_CHAT_ID),
      PUBLIC_URL: 'https://shop.example',
      TON_NETWORK: 'local',
      TON_INDEXER_URL: indexer.url,
      MERCHANT_ADDRESS: chain.merchant.address,
      RECONCILE_INTERVAL_SECONDS: '1',
      OUTBOX_INTERVAL_SECONDS: '1',
      ORDER_SWEEP_INTERVAL_SECONDS: '2',
      DEMO_CATALOG: 'false',
      ...(process.env.FAULT_NODE_OPTIONS && { NODE_OPTIONS: process.env.FAULT_NODE_OPTIONS }),
    };
    instances = await Promise.all([0, 1].map(() => startShopServer({ botToken: BOT_TOKEN, staticDir: 'does-not-exist', env })));
    // Let the reconcilers read past the merchant wallet's funding before the first order (multi-instance.test.ts).
    await after(2500, undefined);
  }, 120_000);

  afterAll(async () => {
    await killer?.stop();
    await Promise.all(instances.map((instance) => instance.stop()));
    await Promise.all([indexer?.close(), botApi?.close(), bot?.close(), killer?.close()]);
    if (SERVER_URL) {
      const admin = postgres(urlOf('postgres'), { max: 1, onnotice: () => {} });
      await admin.unsafe(`drop database if exists ${DATABASE} with (force)`);
      await admin.end({ timeout: 5 });
    }
  }, 60_000);

  it('loses no payment, credits none twice, oversells nothing and answers no 500 through the faults', async () => {
    const started = Date.now();
    console.log(`fault injection: seed ${SEED} (FAULT_SEED), ${BUYERS} buyers for ${VARIANTS} variants × ${STOCK} units, 2 server processes`);
    const log = createAnswerLog();
    // Answers a customer should never get: anything but success, sold out or "try again in a moment".
    const refused: { path: string; status: number }[] = [];
    const instance = () => instances[Math.floor(random() * instances.length)]!.url;
    indexer.on = true;
    botApi.on = true;
    killer.start(random, 100, 500);

    // Checkout: every buyer at once, for more units than there are.
    const placed = (
      await Promise.all(
        Array.from({ length: BUYERS }, async (_, i) => {
          const telegramId = 700_000 + i;
          const auth = await initDataFor(BOT_TOKEN, telegramId);
          const item = variantProducts[Math.floor(random() * VARIANTS)]!;
          const quantity = 1 + Math.floor(random() * 2);
          const res = await postAsCustomer(log, `${instance()}/api/orders`, auth, { items: [{ productId: item.productId, quantity }] });
          if (![201, 409, 503].includes(res.status)) refused.push({ path: 'POST /api/orders', status: res.status });
          return res.status === 201 ? { order: res.json, auth, telegramId } : null;
        }),
      )
    ).filter((p) => p !== null);

    // Payments: most pay and report it, some pay and close the app, some overpay, some never pay; strangers tip.
    const fates = placed.map(() => {
      const r = random();
      return r < 0.6 ? 'report' : r < 0.75 ? 'silent' : r < 0.85 ? 'overpay' : 'unpaid';
    });
    let paymentsMade = 0;
    await Promise.all(
      placed.map(async ({ order, auth }, i) => {
        if (fates[i] === 'unpaid') return;
        const wallet = await chain.createDevWallet();
        const amount = BigInt(order.payment.amountNano) + (fates[i] === 'overpay' ? 5n : 0n);
        const boc = await chain.signTransfer(wallet.id, {
          messages: [{ address: order.payment.address, amount: String(amount), payload: buildCommentPayload(order.payment.comment) }],
          validUntil: Math.floor(Date.now() / 1000) + 300,
        });
        await chain.sendExternal(boc);
        paymentsMade++;
        if (fates[i] === 'silent') return;
        const res = await postAsCustomer(log, `${instance()}/api/orders/${order.id}/payment`, auth, { boc });
        if (![200, 202, 409, 503].includes(res.status)) refused.push({ path: 'POST /api/orders/:id/payment', status: res.status });
      }),
    );
    for (let i = 0; i < 3; i++) {
      const wallet = await chain.createDevWallet();
      await chain.sendExternal(
        await chain.signTransfer(wallet.id, {
          messages: [{ address: chain.merchant.address, amount: '7000000', payload: buildCommentPayload(`tip ${i}`) }],
          validUntil: Math.floor(Date.now() / 1000) + 300,
        }),
      );
    }

    // Reconcile under faults: the servers' reconcilers run every second while backends die.
    await after(8_000, undefined);
    await killer.stop();
    indexer.on = false;
    botApi.on = false;
    const faultsAt = Date.now();

    // Recovery: every payment on the chain recorded, every paid order's messages sent.
    const check = await openDatabase({ driver: 'postgres', url: urlOf(DATABASE) });
    try {
      const reader = createToncenterReader({
        baseUrl: 'http://dev-chain.test',
        fetch: (input, init) => Promise.resolve(createDevChainApp(chain).fetch(new Request(input, init))),
      });
      const paidFor = placed.filter((_, i) => fates[i] !== 'unpaid').map((p) => p.order.id as string);
      const firstOrderAt = async () => (await check.db.select({ at: sql<Date>`min(${orders.createdAt})` }).from(orders))[0]?.at;
      const state = async () => {
        const since = new Date((await firstOrderAt()) ?? Date.now()).getTime();
        const unrecorded = await unrecordedTransfers(check.db, await reader.listAccountTransactions(chain.merchant.address, 0n, 1000), since);
        const notPaid = paidFor.length
          ? await check.db
              .select({ id: orders.id })
              .from(orders)
              .where(and(inArray(orders.id, paidFor), sql`${orders.status} <> 'paid'`))
          : [];
        const [pending] = await check.db
          .select({ n: sql<number>`count(*)`.mapWith(Number) })
          .from(outboxMessages)
          .where(and(sql`${outboxMessages.kind} like 'order_paid_%'`, sql`${outboxMessages.status} <> 'sent'`));
        return { unrecorded, notPaid: notPaid.map((r) => r.id), pendingMessages: pending!.n };
      };
      let recovered = await state();
      while (recovered.unrecorded.length + recovered.notPaid.length + recovered.pendingMessages > 0 && Date.now() - faultsAt < 90_000) {
        await after(1000, undefined);
        recovered = await state();
      }
      const recoverySeconds = (Date.now() - faultsAt) / 1000;
      // A few more rounds of both outbox workers, to send a duplicate if they were going to.
      await after(2500, undefined);

      const initial = new Map(variantProducts.map((v) => [v.variantId, STOCK]));
      const stock = await stockViolations(check.db, initial);
      const paymentsWrong = await paymentViolations(check.db);
      const doubles = await doubleCredits(check.db);
      const paidOrders = await check.db.select({ id: orders.id, code: orders.code }).from(orders).where(eq(orders.status, 'paid'));
      const sent = bot.callsOf('sendMessage');
      // The messages are HTML (the code in <code>): read as the person sees them.
      const shown = (m: Record<string, unknown>) => String(m.text).replace(/<[^>]*>/g, '');
      const notifyWrong = paidOrders.flatMap((o) => {
        const buyer = placed.find((p) => p.order.id === o.id);
        const toMerchant = sent.filter((m) => m.chat_id === MERCHANT_CHAT_ID && shown(m).includes(`order ${o.code}`)).length;
        const toBuyer = sent.filter((m) => m.chat_id === buyer?.telegramId && shown(m).includes(`Order ${o.code} is paid`)).length;
        return toMerchant === 1 && toBuyer === 1 ? [] : [{ code: o.code, toMerchant, toBuyer }];
      });
      const figures = {
        seed: SEED,
        backendsTerminated: killer.killed,
        indexerFaults: { ...indexer.counts.faults, of: indexer.counts.calls },
        botApiFaults: { ...botApi.counts.faults, of: botApi.counts.calls },
        ordersPlaced: placed.length,
        paymentsMade,
        paymentsLost: recovered.unrecorded.length + recovered.notPaid.length,
        doubleCredits: doubles.length + paymentsWrong.filter((p) => p.applied > 1).length,
        unitsOversold: unitsOversold(stock),
        answers5xx: log.unhandled.length,
        answers503WithRetryAfter: log.byStatus.get(503) ?? 0,
        droppedConnections: log.dropped,
        // A process that exits prints Node's version last: an uncaught error took it down.
        serverExits: instances.filter((i) => /Node\.js v\d+/.test(i.output())).length,
        notificationsWrong: notifyWrong.length,
        recoverySeconds,
        runSeconds: (Date.now() - started) / 1000,
      };
      console.log(`\n===== fault injection figures (seed ${SEED}) =====\n${JSON.stringify(figures, null, 2)}\n=====`);

      if (figures.serverExits)
        console.log(
          'how the servers exited:',
          instances.map((i) => i.output().slice(-2500)),
        );
      if (recovered.pendingMessages)
        console.log(
          'messages not sent after recovery:',
          await check.db
            .select({
              kind: outboxMessages.kind,
              attempts: outboxMessages.attempts,
              status: outboxMessages.status,
              nextAttemptInSeconds: sql<number>`extract(epoch from ${outboxMessages.nextAttemptAt} - now())`.mapWith(Number),
              leaseLeftSeconds: sql<number | null>`extract(epoch from ${outboxMessages.lockedUntil} - now())`.mapWith(Number),
              lastError: outboxMessages.lastError,
            })
            .from(outboxMessages)
            .where(and(sql`${outboxMessages.kind} like 'order_paid_%'`, sql`${outboxMessages.status} <> 'sent'`)),
          'job errors the servers logged:',
          instances.flatMap((i) => i.loggedErrors()).slice(0, 20),
        );
      if (notifyWrong.length) console.log('paid-order messages the Bot API received (first 4):', sent.slice(0, 4));
      if (log.unhandled.length) console.log('server errors behind the 5xx:', instances.flatMap((i) => i.loggedErrors()).slice(0, 10));
      expect(figures.serverExits).toBe(0);
      expect(log.unhandled).toEqual([]);
      expect(refused.filter((r) => r.status < 500)).toEqual([]);
      expect(stock).toEqual([]);
      expect(paymentsWrong).toEqual([]);
      expect(doubles).toEqual([]);
      expect(recovered).toEqual({ unrecorded: [], notPaid: [], pendingMessages: 0 });
      expect(notifyWrong).toEqual([]);
      expect(bot.unexpected).toEqual([]);
      // The faults were real: backends died, and every kind of indexer and Bot API fault happened.
      expect(killer.killed).toBeGreaterThan(0);
      for (const n of [...Object.values(indexer.counts.faults), ...Object.values(botApi.counts.faults)]) expect(n).toBeGreaterThan(0);
    } finally {
      await check.close();
    }
  }, 240_000);
});
