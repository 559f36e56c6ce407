import type { Browser } from 'playwright-core';
import { startMiniAppBuild } from './build-app';
import { launchChromium } from './chromium';
import { E2E_BOT_TOKEN, startShopServer, type ShopServer } from './server';
import { expectMiniAppPage, fetchCatalog, type CatalogProduct } from './shop-api';

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
  const build = await startMiniAppBuild();
  const [built, browser, server] = await Promise.allSettled([
    build.built,
    launchChromium(),
    startShopServer({ botToken: E2E_BOT_TOKEN, staticDir: build.dir, env: { BOT_USERNAME: E2E_BOT_USERNAME } }),
  ]);
  const close = async () => {
    await Promise.allSettled([browser.status === 'fulfilled' && browser.value.close(), server.status === 'fulfilled' && server.value.stop()]);
    await build.dispose();
  };
  try {
    settled(built);
    const env = { browser: settled(browser), server: settled(server) };
    await expectMiniAppPage(env.server.url);
    return { ...env, catalog: await fetchCatalog(env.server.url), close };
  } catch (error) {
    await close();
    throw error;
  }
}

function settled<T>(result: PromiseSettledResult<T>): T {
  if (result.status === 'rejected') throw result.reason;
  return result.value;
}
