import { toRawAddress } from './chain-address';
import type { ChainReader } from './chain-reader';

/** Where the shop's USDT lives: its master, the merchant's own USDT jetton wallet, and a customer's. */
export interface UsdtWallets {
  /** The configured USDT jetton master, raw form. */
  master(): Promise<string>;
  /**
   * The merchant's own USDT jetton wallet, raw form: the only source whose notifications are USDT
   * (docs/decisions/0016). Asked of the master once and kept; null when the master has no such method
   * (not a jetton master on this network), asked again next time.
   * @throws ChainUnavailableError
   */
  merchantWallet(): Promise<string | null>;
  /** `owner`'s USDT jetton wallet, raw form, null as above. @throws ChainUnavailableError */
  walletOf(owner: string): Promise<string | null>;
}

/**
 * USDT's wallets through the chain reader's `get_wallet_address` (TEP-74): never computed by hand, since
 * masters lay out their wallets' data differently. `master` may be late (the dev chain deploys its dev USDT
 * on first use).
 * @throws Error at first use when the reader cannot run get-methods
 */
export function createUsdtWallets(input: { chain: ChainReader; master: () => Promise<string>; merchantAddress: string }): UsdtWallets {
  const { chain } = input;
  let master: Promise<string> | null = null;
  let merchant: string | null = null;
  const masterRaw = () => {
    master ??= input.master().then(toRawAddress, (error: unknown) => {
      master = null;
      throw error;
    });
    return master;
  };
  const walletOf = async (owner: string) => {
    if (!chain.getJettonWalletAddress) throw new Error('this chain reader cannot run get_wallet_address: USDT cannot be checked');
    return chain.getJettonWalletAddress(await masterRaw(), owner);
  };
  return {
    master: masterRaw,
    walletOf,
    async merchantWallet() {
      merchant ??= await walletOf(input.merchantAddress);
      return merchant;
    },
  };
}
