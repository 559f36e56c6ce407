import type { Browser } from 'playwright-core';
import { startMiniAppBuild } from './build-app';
import { launchChromium } from './chromium';
import type { ShopServer } from './server';
import { expectMiniAppPage } from './shop-api';

export interface BrowserAndShops<Name extends string> {
  browser: Browser;
  shops: Record<Name, ShopServer>;
  close(): Promise<void>;
}

/**
 * One Mini App build, one browser and the shop servers `startShops` starts from the build's folder, all
 * at once: a server reads index.html only on the first page request, so it can start while vite builds.
 * Resolves once every shop serves the Mini App; if any part fails, whatever did start is stopped (and
 * `alsoClose` run) before the error is thrown.
 */
export async function startBrowserAndShops<Name extends string>(
  startShops: (staticDir: string) => Record<Name, Promise<ShopServer>>,
  alsoClose: () => Promise<unknown> = async () => {},
): Promise<BrowserAndShops<Name>> {
  const build = await startMiniAppBuild();
  const starting = Object.entries(startShops(build.dir)) as [Name, Promise<ShopServer>][];
  const [built, browser, shops] = await Promise.all([settle(build.built), settle(launchChromium()), Promise.allSettled(starting.map(([, shop]) => shop))]);
  const close = async () => {
    await Promise.allSettled([
      browser.status === 'fulfilled' && browser.value.close(),
      ...shops.map((shop) => shop.status === 'fulfilled' && shop.value.stop()),
    ]);
    await Promise.allSettled([alsoClose(), build.dispose()]);
  };
  try {
    settled(built);
    const started = Object.fromEntries(starting.map(([name], i) => [name, settled(shops[i]!)])) as Record<Name, ShopServer>;
    await Promise.all(Object.values<ShopServer>(started).map((shop) => expectMiniAppPage(shop.url)));
    return { browser: settled(browser), shops: started, close };
  } catch (error) {
    await close();
    throw error;
  }
}

function settle<T>(promise: Promise<T>): Promise<PromiseSettledResult<T>> {
  return Promise.allSettled([promise]).then(([result]) => result!);
}

function settled<T>(result: PromiseSettledResult<T>): T {
  if (result.status === 'rejected') throw result.reason;
  return result.value;
}
