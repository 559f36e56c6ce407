import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { currentLocale } from '../i18n/i18n';
import { startLocale } from '../i18n/locale-choice';
import { createApiClient, type SignInReason } from '../platform/api-client';
import { loadPlatform } from '../platform/load-platform';
import { isWebMode } from '../platform/platform';
import { ResourceCache } from '../platform/resource-cache';
import { resourceKeys } from '../platform/resource-keys';
import { initRouter, navigate } from '../platform/router';
import { ApiContext, PlatformContext, ResourceCacheContext } from '../platform/services';
import { readSignedIn, setSignedIn, signInPath } from '../platform/web-session';
import '../ui/styles.css';
import { App } from './app';
import { isHome } from './routes';
import { applyStartParam } from './start';

// Telegram's SDK first, when Telegram opened us: it reads the launch params from the URL's hash, which
// applyStartParam may replace.
void loadPlatform(window).then(async (platform) => {
  // On the web, calls that need a customer go to the sign-in screen first, and come back after it.
  const toSignIn = (reason: SignInReason) => {
    setSignedIn(false);
    navigate(signInPath(location.pathname + location.search, reason), { replace: true });
  };
  const api = createApiClient({
    fetch: window.fetch.bind(window),
    initDataRaw: platform.initDataRaw,
    locale: currentLocale,
    ...(isWebMode(platform) && { signedIn: readSignedIn, onSignInNeeded: toSignIn }),
  });
  const cache = new ResourceCache();

  initRouter();
  applyStartParam(platform.startParam, window);

  // The first paint waits for the language's catalog (a few KB), so nobody sees English flash by.
  await startLocale(window, platform.languageCode);
  // The catalog screen's data, asked for now rather than from its effect after the first paint: on a slow
  // phone that is a few hundred ms earlier (docs/performance.md, First paint). The screen's own load then
  // joins this request (ResourceCache keeps one in flight per key).
  if (isHome(location.pathname)) void cache.load(resourceKeys.catalog, () => api.getCatalog());
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <PlatformContext.Provider value={platform}>
        <ApiContext.Provider value={api}>
          <ResourceCacheContext.Provider value={cache}>
            <App />
          </ResourceCacheContext.Provider>
        </ApiContext.Provider>
      </PlatformContext.Provider>
    </StrictMode>,
  );
  // The web storefront's service worker (Web Push) and manifest: after the first paint, never inside Telegram.
  if (isWebMode(platform)) {
    const register = () => void import('../features/push/register-service-worker').then((m) => m.registerServiceWorker(window)).catch(() => {});
    if ('requestIdleCallback' in window) window.requestIdleCallback(register, { timeout: 3000 });
    else setTimeout(register, 1500);
  }
});
