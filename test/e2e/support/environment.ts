import type { Browser } from 'playwright-core';
import { startBrowserAndShops } from './browser-and-shops';
import { E2E_BOT_TOKEN, startShopServer, type ShopServer } from './server';
import { fetchCatalog, type CatalogProduct } from './shop-api';

/** Everything the suite shares: one build, one browser, one server per auth mode. */
export interface E2eEnvironment {
  browser: Browser;
  /** Verifies initData signed with E2E_BOT_TOKEN, as with a real bot. */
  telegramServer: ShopServer;
  /** No bot token: signs a demo customer into the page it serves. */
  devServer: ShopServer;
  /** The demo catalog as the server serves it. */
  catalog: CatalogProduct[];
  close(): Promise<void>;
}

/** Builds the Mini App, starts both servers and the browser; cleans up after itself if any part fails. */
export async function startE2eEnvironment(): Promise<E2eEnvironment> {
  const { browser, shops, close } = await startBrowserAndShops((staticDir) => ({
    telegram: startShopServer({ botToken: E2E_BOT_TOKEN, staticDir }),
    dev: startShopServer({ botToken: null, staticDir }),
  }));
  try {
    return { browser, telegramServer: shops.telegram, devServer: shops.dev, catalog: await fetchCatalog(shops.telegram.url), close };
  } catch (error) {
    await close();
    throw error;
  }
}
