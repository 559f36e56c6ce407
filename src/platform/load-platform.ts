// Picks the host before the first render. Telegram's SDK (telegram-web-app.js, about 15 KB gzip) loads
// only when Telegram may have opened the page: the shop as a plain website never downloads it, which is
// what keeps the web's first screen within its budget (bench/bundle-size.mjs).
import { createBrowserPlatform, mayBeInsideTelegram, resolveInitDataRaw, resolveStartParam, type DevGlobals, type Platform } from './platform';

function readStoredInitParams(win: Window): string | null {
  try {
    return win.sessionStorage.getItem('__telegram__initParams');
  } catch {
    return null;
  }
}

export async function loadPlatform(win: Window & DevGlobals): Promise<Platform> {
  const signs = {
    hash: win.location.hash,
    storedInitParams: readStoredInitParams(win),
    nativeBridge: 'TelegramWebviewProxy' in win,
    inFrame: win.parent !== win,
  };
  if (mayBeInsideTelegram(signs)) {
    try {
      const { createTelegramPlatform } = await import('./telegram');
      return createTelegramPlatform(win);
    } catch {
      // The SDK's chunk did not arrive: a browser platform still shows the shop (and the web sign-in).
    }
  }
  return createBrowserPlatform({
    initDataRaw: resolveInitDataRaw('', win),
    devMode: win.__BAZAAR_DEV__ !== undefined,
    startParam: resolveStartParam(undefined, win.location.search),
    reload: () => win.location.reload(),
  });
}
