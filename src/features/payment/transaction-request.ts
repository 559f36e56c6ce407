import type { OrderPayment, TonNetwork } from '../../domain/types';

/** TON Connect chain ids (@tonconnect/protocol CHAIN): a wallet reports one of these for its account. */
export const TON_CHAIN = { mainnet: '-239', testnet: '-3' } as const;

/**
 * The chain id a wallet must be on to pay this shop. The dev chain is not a TON network of its own to
 * TON Connect: its addresses are in the test-only form, and the dev wallet reports testnet.
 */
export function chainFor(network: TonNetwork): string {
  return network === 'mainnet' ? TON_CHAIN.mainnet : TON_CHAIN.testnet;
}

/**
 * A signed message stays valid for at most this long. TON Connect warns above 5 minutes
 * (sdk validateSendTransactionRequest): a wallet approval left open must not land much later.
 */
export const MAX_SIGNING_WINDOW_SECONDS = 5 * 60;

/** Below this much time left on the intent, fetch a fresh one before asking the wallet. */
export const REFRESH_INTENT_BELOW_SECONDS = 2 * 60;

/** The shape `TonConnectUI.sendTransaction` takes (SendTransactionRequest), built without the SDK. */
export interface TonTransactionRequest {
  validUntil: number;
  network: string;
  /** The account that must sign (raw form): a wallet connected as another refuses. */
  from?: string;
  messages: [{ address: string; amount: string; payload: string }];
}

/** Whether the intent is too close to its deadline to hand to a wallet, where a person may take a while. */
export function intentNeedsRefresh(intent: OrderPayment, nowSeconds: number): boolean {
  return intent.validUntil - nowSeconds < REFRESH_INTENT_BELOW_SECONDS;
}

/** One message to the merchant: the order's amount, its comment cell as payload. */
export function buildTransactionRequest(intent: OrderPayment & { amountNano: string }, nowSeconds: number): TonTransactionRequest {
  return {
    validUntil: Math.min(intent.validUntil, nowSeconds + MAX_SIGNING_WINDOW_SECONDS),
    network: chainFor(intent.network),
    messages: [{ address: intent.address, amount: intent.amountNano, payload: intent.payload }],
  };
}
