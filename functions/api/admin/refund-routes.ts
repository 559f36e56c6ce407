import { Address } from '@ton/core';
import { Hono } from 'hono';
import { z } from 'zod';
import type { TonNetwork } from '../../core/payments/payment-intent';
import { parseTransferBoc } from '../../core/payments/parse-transfer-boc';
import type { Refund } from '../../core/refunds/refund';
import { RefundNotFoundError } from '../../core/refunds/refund-errors';
import { text } from '../../core/text/storable-text';
import { HttpError } from '../../http/http-error';
import { idParam, uuidId } from '../../http/id-schema';
import { readJsonBody } from '../../http/read-json-body';
import type { AdminContext, AdminEnv } from './admin-context';
import { presentRefund } from './present-admin';

const requestBody = z.object({
  /** In the smallest unit of the asset that was paid (nanotons, micro-USDT), as text: money never goes through a float. */
  amount: text().regex(/^\d{1,40}$/, 'amount must be a whole number of the smallest unit of the asset paid (nanotons, micro-USDT), as text'),
  /** The wallet connected in the admin (TON Connect's account.address, raw or user-friendly). */
  wallet: text().min(1).max(100),
});

const submitBody = z.object({
  boc: text('boc must be the base64 BOC the wallet returned').min(1).max(100_000),
});

/** What these routes read, for tests that generate requests from it (test/integration/fuzz). */
export const adminRefundSchemas = { requestBody, submitBody };

const orderNotFound = () => new HttpError('not_found', 'ORDER_NOT_FOUND', 'No such order.');

/**
 * Refunds from the merchant's own wallet: ask for one (the message to sign comes back), hand back what the
 * wallet signed, list an order's. The server never holds a key; the chain decides when a refund is done
 * (the `confirm-refunds` job).
 */
export function adminRefundRoutes(deps: {
  admin: AdminContext;
  network: TonNetwork;
  /** MERCHANT_ADDRESS in both forms: the wallet the admin must connect. */
  merchant: { raw: string; friendly: string };
  clock: () => Date;
}) {
  const app = new Hono<AdminEnv>();
  const present = (refund: Refund) => presentRefund(refund, deps.network);

  app.get('/:id/refunds', async (c) => {
    const id = idParam(uuidId, c.req.param('id'), orderNotFound());
    if (!(await deps.admin.orders.findOrder(id))) throw orderNotFound();
    const refundable = await deps.admin.refunds.refundable(id, deps.clock());
    return c.json({
      refunds: (await deps.admin.refunds.listRefunds(id)).map(present),
      refundable: refundable && {
        asset: refundable.funds.asset,
        paid: refundable.funds.paid.toString(),
        left: refundable.left.toString(),
        payer: refundable.funds.payer,
      },
      // What the admin connects TON Connect to, and the one wallet it accepts.
      wallet: { network: deps.network, merchant: deps.merchant.raw, merchantFriendly: deps.merchant.friendly },
    });
  });

  app.post('/:id/refunds', async (c) => {
    const id = idParam(uuidId, c.req.param('id'), orderNotFound());
    const body = await readJsonBody(c, requestBody);
    const requested = await deps.admin.refunds.requestRefund({
      orderId: id,
      amount: BigInt(body.amount),
      connectedWallet: rawAddress(body.wallet),
      now: deps.clock(),
    });
    if (!requested) throw orderNotFound();
    const { signRequest } = requested;
    return c.json(
      {
        refund: present(requested.refund),
        // TON Connect sendTransaction's request, in its wire names.
        transaction: { validUntil: signRequest.validUntil, network: signRequest.network, from: signRequest.from, messages: signRequest.messages },
      },
      201,
    );
  });

  app.post('/:id/refunds/:refundId/boc', async (c) => {
    const id = idParam(uuidId, c.req.param('id'), orderNotFound());
    const refundId = idParam(uuidId, c.req.param('refundId'), new RefundNotFoundError());
    const { boc } = await readJsonBody(c, submitBody);
    const signed = parseTransferBoc(boc);
    const refund = await deps.admin.refunds.submitRefund({ orderId: id, refundId, signed, boc, now: deps.clock() });
    if (!refund) throw orderNotFound();
    return c.json({ refund: present(refund) });
  });

  return app;
}

/** The connected wallet in raw form (`0:<hex>`), as the rules compare it. */
function rawAddress(wallet: string): string {
  try {
    return Address.parse(wallet.trim()).toRawString();
  } catch {
    throw new HttpError('invalid', 'VALIDATION_FAILED', 'wallet: not a TON address.');
  }
}
