import { createChainReader } from '../../adapters/ton/create-chain-reader';
import type { FetchFn, RetryPolicy } from '../../adapters/ton/indexer-http';
import { ConfigError, type Env } from '../../config';
import type { ChainReader } from '../../core/payments/chain-reader';
import type { TonNetwork } from '../../core/payments/payment-intent';

/** How the shop reads the chain and where its money goes. */
export interface TonParts {
  chain: ChainReader;
  merchantAddress: string;
  network: TonNetwork;
  /** With TON_NETWORK=local: the dev chain's dev USDT master, the USDT master unless USDT_MASTER says otherwise. */
  devUsdtMaster?: () => Promise<string>;
}

/**
 * The chain reader the settings name, for hosts that cannot run the dev chain in-process (Workers,
 * Vercel, Netlify): a public indexer on mainnet/testnet, or with TON_NETWORK=local a dev chain served
 * elsewhere in toncenter format (a Node server's /dev/ton) at TON_INDEXER_URL.
 */
export function chainFromEnv(env: Env, options: { fetch?: FetchFn; retry?: Partial<RetryPolicy> } = {}): TonParts {
  const transport = { ...(options.fetch && { fetch: options.fetch }), ...(options.retry && { retry: options.retry }) };
  if (env.TON_NETWORK === 'local') {
    const missing = [
      !env.TON_INDEXER_URL &&
        'TON_INDEXER_URL: required with TON_NETWORK=local here; the dev chain runs only inside the Node server (point this at its /dev/ton)',
      !env.MERCHANT_ADDRESS && "MERCHANT_ADDRESS: required with TON_NETWORK=local here (the dev chain's merchant wallet)",
    ].filter((problem): problem is string => typeof problem === 'string');
    if (missing.length > 0) throw new ConfigError(missing);
    const devChainUrl = env.TON_INDEXER_URL!.replace(/\/+$/, '');
    return {
      chain: createChainReader({ kind: 'toncenter', baseUrl: devChainUrl, ...transport }),
      merchantAddress: env.MERCHANT_ADDRESS!,
      network: 'local',
      // The dev chain serves its dev USDT's master at GET /jettons/usdt beside its toncenter API.
      devUsdtMaster: async () => {
        const response = await (options.fetch ?? fetch)(`${devChainUrl}/jettons/usdt`);
        if (!response.ok) throw new Error(`the dev chain at ${devChainUrl} gave no dev USDT (HTTP ${response.status})`);
        return ((await response.json()) as { master: string }).master;
      },
    };
  }
  return {
    chain: createChainReader({
      kind: env.TON_INDEXER,
      baseUrl: env.TON_INDEXER_URL ?? defaultIndexerUrl(env.TON_INDEXER, env.TON_NETWORK),
      ...(env.TON_API_KEY && { apiKey: env.TON_API_KEY }),
      ...transport,
    }),
    // loadConfig refuses mainnet/testnet without MERCHANT_ADDRESS.
    merchantAddress: env.MERCHANT_ADDRESS!,
    network: env.TON_NETWORK,
  };
}

/** The public indexers' addresses, by kind and network. */
export function defaultIndexerUrl(kind: 'toncenter' | 'tonapi', network: 'mainnet' | 'testnet'): string {
  if (kind === 'tonapi') return network === 'mainnet' ? 'https://tonapi.io' : 'https://testnet.tonapi.io';
  return network === 'mainnet' ? 'https://toncenter.com' : 'https://testnet.toncenter.com';
}
