import type { TonNetwork } from '../payments/payment-intent';

/**
 * A link to a transaction on a public block explorer (Tonviewer), for the merchant to check a payment
 * with their own eyes. The local dev chain has no explorer: null.
 */
export function explorerTxUrl(network: TonNetwork, txHashHex: string): string | null {
  if (!/^[0-9a-f]{64}$/i.test(txHashHex)) return null;
  switch (network) {
    case 'mainnet':
      return `https://tonviewer.com/transaction/${txHashHex.toLowerCase()}`;
    case 'testnet':
      return `https://testnet.tonviewer.com/transaction/${txHashHex.toLowerCase()}`;
    case 'local':
      return null;
  }
}
