import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { currentLocale } from '../i18n/i18n';
import { startLocale } from '../i18n/locale-choice';
import { createApiClient } from '../platform/api-client';
import { ResourceCache } from '../platform/resource-cache';
import { initRouter } from '../platform/router';
import { ApiContext, PlatformContext, ResourceCacheContext } from '../platform/services';
import { createTelegramPlatform } from '../platform/telegram';
import '../ui/styles.css';
import { App } from './app';
import { applyStartParam } from './start';

const platform = createTelegramPlatform(window);
const api = createApiClient({ fetch: window.fetch.bind(window), initDataRaw: platform.initDataRaw, locale: currentLocale });
const cache = new ResourceCache();

initRouter();
applyStartParam(platform.startParam, window);

// The first paint waits for the language's catalog (a few KB), so nobody sees English flash by.
void startLocale(window, platform.languageCode).then(() =>
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
  ),
);
