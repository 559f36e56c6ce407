import { describe, expect, it } from 'vitest';
import type { ChainReader } from '../../../functions/core/payments/chain-reader';
import { createUsdtWallets } from '../../../functions/core/payments/usdt-wallets';
import { MAINNET_USDT_MASTER } from '../../../functions/core/payments/usdt-master';

const MERCHANT = '0:' + 'aa'.repeat(32);
const MASTER_RAW = '0:b113a994b5024a16719f69139328eb759596c38a25f59028b146fecdc3621dfe';

/** A chain reader answering get_wallet_address from a table (the port, not a network). */
function reader(wallets: Record<string, string | null>): ChainReader & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    findTransactionByInMessageHash: async () => null,
    listAccountTransactions: async () => [],
    getAccountStatus: async () => 'active',
    async getJettonWalletAddress(master, owner) {
      asked.push(`${master} ${owner}`);
      return wallets[owner] ?? null;
    },
  };
}

describe('createUsdtWallets', () => {
  it("asks the master (raw form) for the merchant's wallet once and keeps it", async () => {
    const chain = reader({ [MERCHANT]: '0:' + 'a1'.repeat(32) });
    const wallets = createUsdtWallets({ chain, master: async () => MAINNET_USDT_MASTER, merchantAddress: MERCHANT });
    expect(await wallets.master()).toBe(MASTER_RAW);
    expect(await wallets.merchantWallet()).toBe('0:' + 'a1'.repeat(32));
    expect(await wallets.merchantWallet()).toBe('0:' + 'a1'.repeat(32));
    expect(chain.asked).toEqual([`${MASTER_RAW} ${MERCHANT}`]);
  });

  it('asks again while the master gives the merchant no wallet (none is kept)', async () => {
    const chain = reader({});
    const wallets = createUsdtWallets({ chain, master: async () => MASTER_RAW, merchantAddress: MERCHANT });
    expect(await wallets.merchantWallet()).toBeNull();
    expect(await wallets.merchantWallet()).toBeNull();
    expect(chain.asked).toHaveLength(2);
  });

  it('asks for the master again after it failed to come (the dev USDT not deployed yet)', async () => {
    let calls = 0;
    const wallets = createUsdtWallets({
      chain: reader({}),
      master: async () => {
        if (++calls === 1) throw new Error('not yet');
        return MASTER_RAW;
      },
      merchantAddress: MERCHANT,
    });
    await expect(wallets.master()).rejects.toThrow('not yet');
    expect(await wallets.master()).toBe(MASTER_RAW);
  });

  it('refuses to guess with a reader that cannot run get-methods', async () => {
    const { getJettonWalletAddress: _, ...noGetMethods } = reader({});
    const wallets = createUsdtWallets({ chain: noGetMethods, master: async () => MASTER_RAW, merchantAddress: MERCHANT });
    await expect(wallets.walletOf(MERCHANT)).rejects.toThrow(/get_wallet_address/);
  });
});
