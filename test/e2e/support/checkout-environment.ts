import type { Browser } from 'playwright-core';
import { createFakeBotApi, type FakeBotApi } from '../../fakes/fake-bot-api';
import { startBrowserAndShops } from './browser-and-shops';
import { E2E_BOT_TOKEN, startShopServer, type ShopServer } from './server';

/** The secret Telegram sends the shop's webhook with (setWebhook's secret_token), for the contact update. */
export const E2E_WEBHOOK_SECRET = 'e2e-webhook-secret_0123456789';

export interface CheckoutE2eEnvironment {
  browser: Browser;
  /** A real bot token, its webhook on, the Bot API faked over real HTTP; the demo shop with its delivery methods. */
  server: ShopServer;
  botApi: FakeBotApi;
  close(): Promise<void>;
}

/** One build, one browser, the shop server and its fake Bot API; cleans up after itself if a part fails. */
export async function startCheckoutE2eEnvironment(): Promise<CheckoutE2eEnvironment> {
  const botApi = createFakeBotApi({ token: E2E_BOT_TOKEN });
  const listening = botApi.listen();
  const { browser, shops, close } = await startBrowserAndShops(
    (staticDir) => ({
      shop: listening.then((url) =>
        startShopServer({ botToken: E2E_BOT_TOKEN, staticDir, env: { BOT_API_URL: url, WEBHOOK_SECRET: E2E_WEBHOOK_SECRET, OUTBOX_INTERVAL_SECONDS: '1' } }),
      ),
    }),
    () => botApi.close(),
  );
  return { browser, server: shops.shop, botApi, close };
}
