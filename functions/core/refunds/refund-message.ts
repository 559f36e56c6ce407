import { Address } from '@ton/core';
import { encodeBase64 } from '../bytes/base64';
import type { TonNetwork } from '../payments/payment-intent';
import { buildCommentCell } from '../payments/comment-payload';
import { commentForwardPayload } from '../payments/jetton-forward-payload';
import { JETTON_PAYMENT_ATTACHED_NANO, JETTON_PAYMENT_FORWARD_NANO } from '../payments/jetton-payment-transfer';
import { buildJettonTransferBody } from '../payments/jetton-transfer-body';
import type { Refund } from './refund';
import { refundComment } from './refund-comment';

/** One message of a TON Connect `sendTransaction` request, as the wallet takes it (amounts in nanotons, as text). */
export interface TonConnectMessage {
  address: string;
  amount: string;
  payload: string;
}

/** What the admin hands the merchant's wallet to sign: `from` pins the shop's wallet, so a wallet app refuses another. */
export interface RefundSignRequest {
  validUntil: number;
  /** TON Connect CHAIN: "-239" mainnet, "-3" testnet (the local dev chain answers as testnet). */
  network: '-239' | '-3';
  /** The shop's wallet, raw form. */
  from: string;
  messages: TonConnectMessage[];
}

const friendly = (raw: string, network: TonNetwork, bounceable: boolean) =>
  Address.parse(raw).toString({ bounceable, testOnly: network !== 'mainnet', urlSafe: true });

/**
 * The message that refunds `refund` from the merchant's wallet.
 * - TON: straight to the payer, **non-bounceable** (it reaches a wallet even if that wallet was never
 *   deployed, instead of bouncing back), with the comment `refund:<CODE>`.
 * - USDT: a jetton `transfer` to the merchant's own USDT jetton wallet, moving the amount to the payer
 *   (the notification's sender), the excess TON back to the merchant, the comment in the forward payload.
 * `merchantJettonWallet` (raw) is needed for USDT only; `queryId` identifies the jetton transfer.
 */
export function buildRefundSignRequest(input: {
  refund: Pick<Refund, 'asset' | 'amount' | 'recipient' | 'validUntil'>;
  orderCode: string;
  merchant: string;
  merchantJettonWallet?: string | null;
  network: TonNetwork;
  queryId: bigint;
}): RefundSignRequest {
  const { refund, network } = input;
  const comment = refundComment(input.orderCode);
  let message: TonConnectMessage;
  if (refund.asset === 'TON') {
    message = {
      address: friendly(refund.recipient, network, false),
      amount: refund.amount.toString(),
      payload: encodeBase64(buildCommentCell(comment).toBoc()),
    };
  } else {
    if (!input.merchantJettonWallet) throw new RangeError('a USDT refund needs the merchant’s jetton wallet');
    const body = buildJettonTransferBody({
      queryId: input.queryId,
      amount: refund.amount,
      destination: Address.parse(refund.recipient),
      responseDestination: Address.parse(input.merchant),
      forwardTonAmountNano: JETTON_PAYMENT_FORWARD_NANO,
      forwardPayload: commentForwardPayload(comment),
    });
    message = {
      address: friendly(input.merchantJettonWallet, network, true),
      amount: JETTON_PAYMENT_ATTACHED_NANO.toString(),
      payload: encodeBase64(body.toBoc()),
    };
  }
  return { validUntil: refund.validUntil, network: network === 'mainnet' ? '-239' : '-3', from: input.merchant, messages: [message] };
}
