import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createDevChain, type DevChain } from '../../../../functions/adapters/ton/dev-chain/dev-chain';
import { createDevChainApp } from '../../../../functions/adapters/ton/dev-chain/dev-chain-app';
import { createFakeBotApi, type FakeBotApi } from '../../../fakes/fake-bot-api';
import { TEST_BOT_TOKEN } from '../../../support/test-app';

/**
 * What every platform target reaches over the network, as it would in production: the local TON dev chain
 * served in toncenter v3 format on a loopback port (the same app the Node server mounts at /dev/ton), and
 * the fake Bot API (Telegram cannot be reached from here). Workers cannot run the dev chain themselves.
 */
export interface LoopbackServices {
  chain: DevChain;
  /** toncenter-format base URL of the dev chain: TON_INDEXER_URL. */
  indexerUrl: string;
  bot: FakeBotApi;
  botApiUrl: string;
  close(): Promise<void>;
}

export async function startLoopbackServices(): Promise<LoopbackServices> {
  const chain = await createDevChain();
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: createDevChainApp(chain).fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const bot = createFakeBotApi({ token: TEST_BOT_TOKEN });
  const botApiUrl = await bot.listen();
  return {
    chain,
    indexerUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    bot,
    botApiUrl,
    async close() {
      await bot.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
