import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { applyDocumentLocale } from '../i18n/locale';
import { currentLocale } from '../i18n/i18n';
import { createApiClient } from '../platform/api-client';
import { ResourceCache } from '../platform/resource-cache';
import { initRouter } from '../platform/router';
import { ApiContext, PlatformContext, ResourceCacheContext } from '../platform/services';
import { createTelegramPlatform } from '../platform/telegram';
import '../ui/styles.css';
import { App } from './app';
import { applyStartParam } from './start';

const platform = createTelegramPlatform(window);
const api = createApiClient({ fetch: window.fetch.bind(window), initDataRaw: platform.initDataRaw });
const cache = new ResourceCache();

applyDocumentLocale(document.documentElement, currentLocale());
initRouter();
applyStartParam(platform.startParam, window);

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
