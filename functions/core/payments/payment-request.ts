import { Address } from '@ton/core';
import type { Order } from '../orders/order';
import type { PaymentAsset } from '../pricing/currencies';
import { encodeBase64 } from '../bytes/base64';
import { JETTON_PAYMENT_ATTACHED_NANO, buildJettonPaymentBody } from './jetton-payment-transfer';
import { AssetNotQuotedError } from './payment-errors';
import type { PaymentIntent, TonNetwork } from './payment-intent';

/** TON Connect chain ids (@tonconnect/protocol CHAIN). The dev chain's addresses are test-only: testnet. */
export function tonConnectChain(network: TonNetwork): '-239' | '-3' {
  return network === 'mainnet' ? '-239' : '-3';
}

/**
 * A signed message stays valid for at most this long. TON Connect warns above 5 minutes
 * (sdk validateSendTransactionRequest): a wallet approval left open must not land much later.
 */
export const MAX_SIGNING_WINDOW_SECONDS = 5 * 60;

/** TON Connect's `sendTransaction` request (SendTransactionRequest), raw messages only. */
export interface TonConnectRequest {
  validUntil: number;
  /** "-239" mainnet, "-3" testnet: a wallet on the other network refuses it. */
  network: '-239' | '-3';
  /** The customer's wallet, raw `0:<hex>`: a wallet signed in as another account refuses it. */
  from?: string;
  messages: [{ address: string; amount: string; payload: string }];
}

/** What the customer's wallet is asked to send to pay an order in one asset. */
export interface PaymentRequest {
  asset: PaymentAsset;
  /** What the order asks, in the asset's smallest unit (the stored quote). */
  amount: bigint;
  request: TonConnectRequest;
}

/** A TON payment: one message to the merchant with the order's total and its comment, as the intent says. */
export function buildTonPaymentRequest(input: { intent: PaymentIntent; from: string | null; now: Date }): PaymentRequest {
  const { intent } = input;
  const amount = intent.amountNano;
  if (amount === null) throw new AssetNotQuotedError('TON');
  return {
    asset: 'TON',
    amount,
    request: {
      validUntil: signingDeadline(intent, input.now),
      network: tonConnectChain(intent.network),
      ...(input.from && { from: input.from }),
      messages: [{ address: intent.address, amount: amount.toString(), payload: intent.payload }],
    },
  };
}

/**
 * A USDT payment (TEP-74), as a raw TON Connect message, since the SDK in use has no structured jetton
 * items: to the **customer's own** USDT jetton wallet (user-friendly, bounceable: a contract, which must
 * give the TON back if it cannot take it), with 0.05 TON for the jetton wallets' fees, and the `transfer`
 * body of jetton-payment-transfer.ts: the quoted micro-USDT to the merchant's main wallet, the excess back
 * to the customer, a 1-nanoton forward and the comment `bz:<CODE>` in a reference. `from` is the customer,
 * so a wallet signed in as someone else (whose jetton wallet this is not) refuses to sign.
 */
export function buildUsdtPaymentRequest(input: {
  order: Pick<Order, 'code'>;
  intent: PaymentIntent;
  quotedMicroUsdt: bigint;
  /** Raw or any form. */
  customer: string;
  customerJettonWallet: string;
  merchant: string;
  now: Date;
}): PaymentRequest {
  const customer = Address.parse(input.customer);
  const body = buildJettonPaymentBody({
    orderCode: input.order.code,
    amountMicroUsdt: input.quotedMicroUsdt,
    merchant: Address.parse(input.merchant),
    customer,
    // Any uint64 will do; the time keeps two requests for one order apart in an explorer.
    queryId: BigInt(input.now.getTime()),
  });
  const testOnly = input.intent.network !== 'mainnet';
  return {
    asset: 'USDT',
    amount: input.quotedMicroUsdt,
    request: {
      validUntil: signingDeadline(input.intent, input.now),
      network: tonConnectChain(input.intent.network),
      from: customer.toRawString(),
      messages: [
        {
          address: Address.parse(input.customerJettonWallet).toString({ bounceable: true, testOnly, urlSafe: true }),
          amount: JETTON_PAYMENT_ATTACHED_NANO.toString(),
          payload: encodeBase64(body.toBoc()),
        },
      ],
    },
  };
}

function signingDeadline(intent: PaymentIntent, now: Date): number {
  return Math.min(intent.validUntil, Math.floor(now.getTime() / 1000) + MAX_SIGNING_WINDOW_SECONDS);
}
