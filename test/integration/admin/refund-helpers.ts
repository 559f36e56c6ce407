import type { TestApp } from '../../support/test-app';
import { asAdmin } from './admin-helpers';

/** A refund as the admin routes answer it (docs/api.md, refunds). */
export interface RefundJson {
  id: string;
  asset: string;
  amount: string;
  recipient: string;
  status: string;
  validUntil: number;
  messageHash: string | null;
  transactionHash: string | null;
}

/** The TON Connect request the merchant's wallet is asked to sign. */
export interface SignJson {
  validUntil: number;
  network: string;
  from: string;
  messages: { address: string; amount: string; payload: string }[];
}

/**
 * The admin's refund calls and the dev wallet's signature, over the test app `app()` gives (assigned in
 * the suite's beforeAll). `askRefund` connects MERCHANT_ADDRESS's wallet unless told another.
 */
export function refundCalls(app: () => TestApp) {
  return {
    askRefund(orderId: string, amount: bigint | string, wallet = app().ton.dev.chain.merchant.address) {
      return asAdmin(app(), `/api/admin/orders/${orderId}/refunds`, { body: { amount: amount.toString(), wallet } });
    },
    submitBoc(orderId: string, refundId: string, boc: string) {
      return asAdmin(app(), `/api/admin/orders/${orderId}/refunds/${refundId}/boc`, { body: { boc } });
    },
    /** The wallet signs and broadcasts the request, as TON Connect's sendTransaction does; its BOC is returned. */
    async signIn(walletId: string, transaction: SignJson): Promise<string> {
      return (await app().ton.dev.chain.sendTransaction(walletId, { messages: transaction.messages, validUntil: transaction.validUntil })).boc;
    },
  };
}
