import { useEffect } from 'react';
import { startMessengerMiniApp } from '../../platform/messenger-sdk';
import { useApi, useResourceCache } from '../../platform/services';
import { createAuthApi, type AuthConfig } from './auth-api';

/**
 * On the web storefront of a shop whose bot lives in another messenger (MESSENGER=bale), loads that
 * messenger's Mini App SDK after the first paint so the page behaves as its Mini App (ready, full
 * height). The sign-in config it reads is the one the sign-in page reads, cached under the same key.
 * An effect, not a subscription: the app shell that calls it has no reason to render again when the
 * config arrives.
 */
export function useMessengerMiniApp(enabled: boolean): void {
  const api = useApi();
  const cache = useResourceCache();
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    void cache.load('auth-config', createAuthApi(api).config).then(() => {
      const messenger = cache.get<AuthConfig>('auth-config').data?.messenger;
      if (live && messenger) void startMessengerMiniApp(window, messenger);
    });
    return () => {
      live = false;
    };
  }, [enabled, api, cache]);
}
