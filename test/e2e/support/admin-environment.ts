import type { Browser } from 'playwright-core';
import { createFakeBotApi, type FakeBotApi } from '../../fakes/fake-bot-api';
import { startBrowserAndShops } from './browser-and-shops';
import { E2E_BOT_TOKEN, startShopServer, type ShopServer } from './server';

/** The merchant of the admin E2E: listed in ADMIN_IDS. */
export const E2E_ADMIN = { id: 9_000_001, first_name: 'Mira', language_code: 'en' } as const;
/** A customer of the same shop: not an admin. */
export const E2E_CUSTOMER = { id: 9_000_002, first_name: 'Omar', language_code: 'en' } as const;
/** Where the merchant's new-order messages go. */
export const E2E_MERCHANT_CHAT = -1_009_000_001;
/** The shop's channel (SHOP_CHANNEL_IDS), where the admin posts products. */
export const E2E_CHANNEL = -1_002_000_000_777;
/** BOT_USERNAME: channel posts link to t.me/<bot>?startapp=product_<slug>. */
export const E2E_BOT_USERNAME = 'bazaar_e2e_bot';

export interface AdminE2eEnvironment {
  browser: Browser;
  /** A real bot token, ADMIN_IDS naming E2E_ADMIN, and the Bot API faked over real HTTP. */
  server: ShopServer;
  /** What the shop's bot sent (the outbox worker calls it like api.telegram.org). */
  botApi: FakeBotApi;
  close(): Promise<void>;
}

/**
 * One build, one browser, the shop server and its fake Bot API; cleans up after itself if a part fails.
 * `env` adds to the server's settings, e.g. ACCEPTED_ASSETS.
 */
export async function startAdminE2eEnvironment(options: { env?: Record<string, string> } = {}): Promise<AdminE2eEnvironment> {
  const botApi = createFakeBotApi({ token: E2E_BOT_TOKEN });
  // The server only needs the fake Bot API's URL, so that one is awaited inside its start.
  const listening = botApi.listen();
  const { browser, shops, close } = await startBrowserAndShops(
    (staticDir) => ({
      admin: listening.then((url) =>
        startShopServer({
          botToken: E2E_BOT_TOKEN,
          staticDir,
          env: {
            ADMIN_IDS: String(E2E_ADMIN.id),
            BOT_API_URL: url,
            MERCHANT_CHAT_IDS: String(E2E_MERCHANT_CHAT),
            SHOP_CHANNEL_IDS: String(E2E_CHANNEL),
            BOT_USERNAME: E2E_BOT_USERNAME,
            OUTBOX_INTERVAL_SECONDS: '1',
            ...options.env,
          },
        }),
      ),
    }),
    () => botApi.close(),
  );
  return { browser, server: shops.admin, botApi, close };
}
