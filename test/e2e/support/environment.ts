import type { Browser } from 'playwright-core';
import { startMiniAppBuild } from './build-app';
import { launchChromium } from './chromium';
import { E2E_BOT_TOKEN, startShopServer, type ShopServer } from './server';
import { expectMiniAppPage, fetchCatalog, type CatalogProduct } from './shop-api';

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
  const build = await startMiniAppBuild();
  const staticDir = build.dir;
  // The servers read index.html on the first page request, so they can start while vite builds.
  const [built, browser, telegramServer, devServer] = await Promise.allSettled([
    build.built,
    launchChromium(),
    startShopServer({ botToken: E2E_BOT_TOKEN, staticDir }),
    startShopServer({ botToken: null, staticDir }),
  ]);
  const close = async () => {
    await Promise.allSettled([
      browser.status === 'fulfilled' && browser.value.close(),
      telegramServer.status === 'fulfilled' && telegramServer.value.stop(),
      devServer.status === 'fulfilled' && devServer.value.stop(),
    ]);
    await build.dispose();
  };
  try {
    settled(built);
    const env = { browser: settled(browser), telegramServer: settled(telegramServer), devServer: settled(devServer) };
    await Promise.all([expectMiniAppPage(env.telegramServer.url), expectMiniAppPage(env.devServer.url)]);
    return { ...env, catalog: await fetchCatalog(env.telegramServer.url), close };
  } catch (error) {
    await close();
    throw error;
  }
}

function settled<T>(result: PromiseSettledResult<T>): T {
  if (result.status === 'rejected') throw result.reason;
  return result.value;
}
