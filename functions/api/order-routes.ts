import { Hono, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { OrderNotFoundError } from '../core/orders/errors';
import { orderExpiresAt, type Order } from '../core/orders/order';
import type { OrderRepo } from '../core/orders/order-repo';
import { ORDER_LIMITS } from '../core/orders/price-order';
import { confirmPayment } from '../core/payments/confirm-payment';
import { createStarsInvoice } from '../core/stars/create-stars-invoice';
import type { StarsRepo } from '../core/stars/stars-repo';
import type { BotApi } from '../core/telegram/bot-api';
import { HttpError } from '../http/http-error';
import { buildPaymentIntent } from '../core/payments/payment-intent';
import { readJsonBody } from '../http/read-json-body';
import { uuidId } from '../http/id-schema';
import { text } from '../core/text/storable-text';
import type { CustomerVariables } from '../http/customer-auth';
import type { PaymentContext } from './payment-context';
import { presentOrder, presentOrderLine, presentPaymentRequest, presentQuote, presentTotals } from './present';
import type { DigitalRepo } from '../core/digital/digital-repo';
import { newDownloadGrant, type DownloadLinkSigner } from '../core/digital/download-link';
import { isPaid } from '../core/orders/order-lifecycle';
import { presentDigitalItem } from './present-digital';
import { PAYMENT_ASSETS } from '../core/pricing/currencies';
import { prepareCheckoutQuotes } from '../core/pricing/checkout-quotes';
import { toRawAddress, tryRawAddress } from '../core/payments/chain-address';
import { AssetNotAcceptedError, AssetNotQuotedError, OrderNotPayableError, UsdtUnavailableError } from '../core/payments/payment-errors';
import { buildTonPaymentRequest, buildUsdtPaymentRequest } from '../core/payments/payment-request';

const addressField = text().max(300).optional();

// Only variant (or product) ids, quantities and the customer's choices are read. Anything else the client
// sends (a price, a total, a delivery fee, a discount, a user id) is dropped by the schema: the server
// prices from the database and the merchant's settings, and knows the user from initData.
const createOrderBody = z.object({
  items: z
    .array(
      z
        .object({
          variantId: uuidId.optional(),
          productId: uuidId.optional(),
          quantity: z
            .number('quantity must be a number')
            .int('quantity must be a whole number')
            .min(1, 'quantity must be at least 1')
            .max(ORDER_LIMITS.maxQuantityPerLine, `quantity must be at most ${ORDER_LIMITS.maxQuantityPerLine}`),
        })
        .refine((item) => item.variantId || item.productId, 'name the variantId (or, for a product without options, its productId)'),
    )
    .min(1, 'the order has no items')
    .max(ORDER_LIMITS.maxLines, `an order can hold at most ${ORDER_LIMITS.maxLines} lines`),
  delivery: z
    .object({
      methodId: text().max(40),
      areaId: text().max(40).optional(),
      pickupPointId: text().max(40).optional(),
      address: z
        .object({
          recipientName: addressField,
          phone: addressField,
          country: addressField,
          region: addressField,
          city: addressField,
          line1: addressField,
          line2: addressField,
          postalCode: addressField,
        })
        .optional(),
    })
    .optional(),
  promoCode: text().trim().max(40).optional(),
  note: text().max(500, 'the note can be at most 500 characters').optional(),
  /** Keep the shipping address for the next checkout. */
  saveAddress: z.boolean().optional(),
});

// What TON Connect's sendTransaction returned: the signed external message, base64.
const submitPaymentBody = z.object({
  boc: text('boc must be the base64 BOC the wallet returned').min(1).max(100_000),
});

// What the customer's wallet should be asked to send, in which asset; USDT needs the connected wallet's
// address (its jetton wallet is the message's destination, and the request's `from`).
const paymentRequestBody = z
  .object({
    asset: z.enum(PAYMENT_ASSETS).default('TON'),
    wallet: text()
      .max(100)
      .refine((v) => tryRawAddress(v) !== null, 'wallet must be a TON address')
      .optional(),
  })
  .refine((body) => body.asset !== 'USDT' || body.wallet !== undefined, { message: 'a USDT payment needs the connected wallet address', path: ['wallet'] });

/** What these routes read, for tests that generate requests from it (test/integration/fuzz). */
export const orderSchemas = { createOrderBody, quoteBody: createOrderBody, submitPaymentBody, paymentRequestBody };

const MY_ORDERS_LIMIT = 50;

/** The signed-in customer's orders and their payment. */
export function orderRoutes(deps: {
  orders: OrderRepo;
  payments: PaymentContext;
  requireCustomer: MiddlewareHandler<{ Variables: CustomerVariables }>;
  clock: () => Date;
  orderTtlSeconds: number;
  logger: { error(message: string, error: unknown): void };
  /** Expires overdue orders (jobs/scheduled-jobs.ts, sweepOrders). */
  sweepExpiredOrders: () => Promise<unknown>;
  /** Telegram Stars: the payments kept, the bot that makes invoices, the shop's name for their title. */
  stars: { repo: StarsRepo; bot: Pick<BotApi, 'createInvoiceLink'>; shopName: string; botLive: boolean };
  /** A paid order's digital products, and its files' signed links (absolute on the shop's address when known). */
  digital: { repo: DigitalRepo; signer: DownloadLinkSigner; shopUrl: string | null };
}) {
  const app = new Hono<{ Variables: CustomerVariables }>();
  app.use('*', deps.requireCustomer);
  // Release stock held by orders whose time ran out before anyone reads or reserves stock. It is one
  // indexed read that matches nothing almost always; the interval sweep does the rest. It is housekeeping:
  // if it fails, the customer's request goes on and the next sweep tries again.
  app.use('*', async (_c, next) => {
    try {
      await deps.sweepExpiredOrders();
    } catch (error) {
      deps.logger.error('expiry sweep failed before an order request (the next sweep retries)', error);
    }
    await next();
  });

  const intentFor = (order: Order) =>
    buildPaymentIntent({
      order,
      merchantAddress: deps.payments.merchant.friendly,
      network: deps.payments.network,
      now: deps.clock(),
      commentPayload: deps.payments.commentPayload,
    });

  const findMine = async (customerId: string, rawId: string): Promise<Order> => {
    const id = uuidId.safeParse(rawId);
    const order = id.success ? await deps.orders.findCustomerOrder(customerId, id.data) : null;
    if (!order) throw new OrderNotFoundError();
    return order;
  };

  const detail = async (order: Order) => {
    const [payments, digital] = await Promise.all([
      deps.payments.repo.listPayments({ orderId: order.id, limit: 20 }),
      isPaid(order.status) ? deps.digital.repo.deliveriesOf(order.id) : Promise.resolve([]),
    ]);
    return { ...presentOrder(order, { intent: intentFor(order), payments }), ...(isPaid(order.status) && { digital: digital.map(presentDigitalItem) }) };
  };

  const checkoutOf = (body: z.output<typeof createOrderBody>) => ({
    ...(body.delivery && { delivery: body.delivery }),
    ...(body.promoCode && { promoCode: body.promoCode }),
    ...(body.note !== undefined && { note: body.note }),
    ...(body.saveAddress !== undefined && { saveAddress: body.saveAddress }),
  });

  /** What a checkout asks for, priced in the shop's currency: the body's items and choices, nothing it says about money. */
  const checkoutInput = (customerId: string, body: z.output<typeof createOrderBody>, now: Date) => ({
    customerId,
    items: body.items,
    currency: deps.payments.pricingCurrency,
    checkout: checkoutOf(body),
    now,
  });
  const quotesAt = (now: Date) =>
    prepareCheckoutQuotes({ rates: deps.payments.rates, accepted: deps.payments.accepted, currency: deps.payments.pricingCurrency, now });

  app.post('/', async (c) => {
    const body = await readJsonBody(c, createOrderBody);
    const now = deps.clock();
    // The rates first: with none recent enough, 503 RATE_UNAVAILABLE and nothing is reserved.
    const quote = await quotesAt(now);
    const order = await deps.orders.createOrder({ ...checkoutInput(c.get('customer').id, body, now), ttlSeconds: deps.orderTtlSeconds, quote });
    return c.json(presentOrder(order, { intent: intentFor(order), payments: [] }), 201);
  });

  // What the same order would cost, priced by the server (delivery, discount, total), or why it cannot be
  // placed: the checkout shows it before the customer commits. Nothing is reserved.
  app.post('/quote', async (c) => {
    const body = await readJsonBody(c, createOrderBody);
    const now = deps.clock();
    const quote = await deps.orders.quoteOrder(checkoutInput(c.get('customer').id, body, now));
    // What it would cost in each accepted asset now; the order itself fixes its own when it is placed.
    const inAssets = await quotesAt(now);
    const assetQuotes = await inAssets({ totalMinor: quote.totals.totalMinor, lockedUntil: orderExpiresAt(now, deps.orderTtlSeconds) });
    return c.json({
      items: quote.lines.map(presentOrderLine),
      currency: deps.payments.pricingCurrency,
      ...presentTotals(quote.totals),
      delivery: quote.delivery,
      promoCode: quote.promo?.code ?? null,
      quotes: assetQuotes.map(presentQuote),
    });
  });

  app.get('/', async (c) => {
    const orders = await deps.orders.listCustomerOrders(c.get('customer').id, MY_ORDERS_LIMIT);
    return c.json({ orders: orders.map((order) => presentOrder(order, { intent: intentFor(order) })) });
  });

  app.get('/:id', async (c) => {
    return c.json(await detail(await findMine(c.get('customer').id, c.req.param('id'))));
  });

  app.post('/:id/payment', async (c) => {
    const customerId = c.get('customer').id;
    const order = await findMine(customerId, c.req.param('id'));
    const body = await readJsonBody(c, submitPaymentBody);
    await confirmPayment({
      order,
      bocBase64: body.boc,
      merchantAddress: deps.payments.merchant.raw,
      chain: deps.payments.chain,
      payments: deps.payments.repo,
      now: deps.clock(),
      toleranceBasisPoints: deps.payments.toleranceBasisPoints,
      usdt: deps.payments.usdt,
      onChainUnavailable: (error) => deps.logger.error('payment lookup deferred to the reconciler', error),
    });
    return c.json(await detail(await findMine(customerId, order.id)));
  });

  // The TON Connect request that pays the order in one asset: TON straight to the merchant, USDT as a
  // jetton transfer from the customer's own USDT jetton wallet (core/payments/payment-request.ts).
  app.post('/:id/payment-request', async (c) => {
    const order = await findMine(c.get('customer').id, c.req.param('id'));
    const body = await readJsonBody(c, paymentRequestBody);
    const now = deps.clock();
    if (!deps.payments.accepted.includes(body.asset)) throw new AssetNotAcceptedError(body.asset);
    const intent = intentFor(order);
    if (!intent) throw new OrderNotPayableError(order.status);
    const wallet = body.wallet ? toRawAddress(body.wallet) : null;
    if (body.asset === 'TON') return c.json(presentPaymentRequest(buildTonPaymentRequest({ intent, from: wallet, now })));

    const quote = order.quotes.find((q) => q.asset === 'USDT');
    if (!quote) throw new AssetNotQuotedError('USDT');
    const usdt = deps.payments.usdt;
    const customerJettonWallet = usdt && wallet ? await usdt.walletOf(wallet) : null;
    if (!customerJettonWallet || !wallet) throw new UsdtUnavailableError();
    const request = buildUsdtPaymentRequest({
      order,
      intent,
      quotedMicroUsdt: quote.amount,
      customer: wallet,
      customerJettonWallet,
      merchant: deps.payments.merchant.raw,
      now,
    });
    return c.json(presentPaymentRequest(request));
  });

  // Fresh signed links to the files of the customer's paid order, good for 24 hours: My orders asks for them
  // when it shows the order and when the customer taps "Get a new link".
  app.post('/:id/download-links', async (c) => {
    const customerId = c.get('customer').id;
    const order = await findMine(customerId, c.req.param('id'));
    if (!isPaid(order.status)) throw new HttpError('conflict', 'ORDER_NOT_PAID', `This order is ${order.status}: it has no files to download.`);
    const now = deps.clock();
    const files = (await deps.digital.repo.deliveriesOf(order.id)).filter((item) => item.kind === 'file');
    const links = await Promise.all(
      files.map(async (item) => {
        const grant = newDownloadGrant({ orderId: order.id, productId: item.productId, customerId }, now);
        const path = `/api/downloads/${await deps.digital.signer.sign(grant)}`;
        return { productId: item.productId, url: `${deps.digital.shopUrl ?? ''}${path}`, expiresAt: new Date(grant.expiresAt * 1000).toISOString() };
      }),
    );
    return c.json({ links });
  });

  // A Stars invoice for a digital-only order, opened by the Mini App with WebApp.openInvoice. Only inside
  // Telegram (initData): Stars are Telegram's in-app currency, and the web pays in TON.
  app.post('/:id/stars-invoice', async (c) => {
    if (c.get('via') !== 'mini-app') {
      throw new HttpError('forbidden', 'STARS_TELEGRAM_ONLY', 'Telegram Stars can be paid only inside Telegram. On the web, pay this order in TON.');
    }
    // Dev mode's console bot cannot make invoices: Stars exist only between a real bot and Telegram.
    if (!deps.stars.botLive) throw new HttpError('unavailable', 'STARS_UNAVAILABLE', 'This shop has no bot set up to take Telegram Stars. Pay in TON.');
    const id = uuidId.safeParse(c.req.param('id'));
    if (!id.success) throw new OrderNotFoundError();
    const { invoiceUrl, totalStars } = await createStarsInvoice({
      repo: deps.stars.repo,
      bot: deps.stars.bot,
      customerId: c.get('customer').id,
      orderId: id.data,
      shopName: deps.stars.shopName,
      now: deps.clock(),
      onBotApiError: (error) => deps.logger.error('createInvoiceLink failed', error),
    });
    return c.json({ invoiceUrl, totalStars });
  });

  return app;
}
