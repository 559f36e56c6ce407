import type { Browser } from 'playwright-core';
import { startBrowserAndShops } from './browser-and-shops';
import { E2E_BOT_TOKEN, startShopServer, type ShopServer } from './server';
import { fetchCatalog, type CatalogProduct } from './shop-api';

/** The bot the Login Widget names on the web (BOT_USERNAME): its token is E2E_BOT_TOKEN. */
export const E2E_BOT_USERNAME = 'bazaar_e2e_bot';

export interface WebE2eEnvironment {
  browser: Browser;
  /**
   * A shop with a bot of its own (E2E_BOT_TOKEN, BOT_USERNAME): it verifies Mini App initData and Login
   * Widget data signed with that token, and runs on the local dev chain (TON_NETWORK=local).
   */
  server: ShopServer;
  catalog: CatalogProduct[];
  close(): Promise<void>;
}

/** One build, one browser, one shop; cleans up after itself if a part fails. */
export async function startWebE2eEnvironment(): Promise<WebE2eEnvironment> {
  const { browser, shops, close } = await startBrowserAndShops((staticDir) => ({
    web: startShopServer({ botToken: E2E_BOT_TOKEN, staticDir, env: { BOT_USERNAME: E2E_BOT_USERNAME } }),
  }));
  try {
    return { browser, server: shops.web, catalog: await fetchCatalog(shops.web.url), close };
  } catch (error) {
    await close();
    throw error;
  }
}
