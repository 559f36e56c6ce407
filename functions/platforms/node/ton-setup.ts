import type { Hono } from 'hono';
import { createChainReader } from '../../adapters/ton/create-chain-reader';
import type { FetchFn } from '../../adapters/ton/indexer-http';
import { createDevChain, type DevChain, type DevChainOptions } from '../../adapters/ton/dev-chain/dev-chain';
import { createDevChainApp } from '../../adapters/ton/dev-chain/dev-chain-app';
import type { Env } from '../../config';
import { chainFromEnv, type TonParts } from '../shared/chain-from-env';

export interface TonSetup extends TonParts {
  /** With TON_NETWORK=local: the dev chain, and its toncenter-format HTTP app to mount at /dev/ton. */
  dev: { chain: DevChain; app: Hono } | null;
}

/** Where the dev chain is mounted on the shop's own port. */
export const DEV_CHAIN_PATH = '/dev/ton';
/** The base URL a reader uses with {@link fetchFromDevChainApp}: never resolved, only its path is read. */
export const DEV_CHAIN_IN_PROCESS_URL = `http://dev-chain.internal${DEV_CHAIN_PATH}`;

/**
 * A fetch that answers from the dev chain's HTTP app in-process: the same requests and answers as over
 * the network, without a loop through the server's own socket.
 */
export function fetchFromDevChainApp(app: Hono): FetchFn {
  return (input, init) => {
    const url = new URL(input);
    return Promise.resolve(app.request(url.pathname.slice(DEV_CHAIN_PATH.length) + url.search, init));
  };
}

/**
 * Chooses how the shop reads the chain. With TON_NETWORK=local a dev chain (real TVM, real wallets) is
 * started in-process; the shop reads it through the very same toncenter adapter as in production, over the
 * dev chain's HTTP app (in-process unless TON_INDEXER_URL points elsewhere). On mainnet/testnet there is no
 * dev chain at all: the configured indexer and MERCHANT_ADDRESS are used.
 */
export async function setupTon(env: Env, devChainOptions: DevChainOptions = {}): Promise<TonSetup> {
  if (env.TON_NETWORK !== 'local') return { ...chainFromEnv(env), dev: null };
  const devChain = await createDevChain(devChainOptions);
  const app = createDevChainApp(devChain);
  const chain = env.TON_INDEXER_URL
    ? createChainReader({ kind: 'toncenter', baseUrl: env.TON_INDEXER_URL })
    : createChainReader({
        kind: 'toncenter',
        baseUrl: DEV_CHAIN_IN_PROCESS_URL,
        fetch: fetchFromDevChainApp(app),
      });
  return {
    chain,
    merchantAddress: env.MERCHANT_ADDRESS ?? devChain.merchant.address,
    network: 'local',
    devUsdtMaster: async () => (await devChain.jettons.usdt()).master,
    dev: { chain: devChain, app },
  };
}
