import { useEffect, useMemo } from 'react';
import { startMessengerMiniApp } from '../../platform/messenger-sdk';
import { useApi } from '../../platform/services';
import { useResource } from '../../platform/use-resource';
import { createAuthApi, type AuthConfig } from './auth-api';

/**
 * On the web storefront of a shop whose bot lives in another messenger (MESSENGER=bale), loads that
 * messenger's Mini App SDK after the first paint so the page behaves as its Mini App (ready, full
 * height). The sign-in config it reads is the one the sign-in page reads, cached under the same key.
 */
export function useMessengerMiniApp(enabled: boolean): void {
  const api = useApi();
  const auth = useMemo(() => createAuthApi(api), [api]);
  const config = useResource<AuthConfig>(enabled ? 'auth-config' : null, auth.config, { staleMs: 5 * 60_000 });
  const messenger = config.data?.messenger;
  useEffect(() => {
    if (enabled && messenger) void startMessengerMiniApp(window, messenger);
  }, [enabled, messenger]);
}
