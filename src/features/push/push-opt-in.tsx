import { useMemo } from 'react';
import { currentLocale } from '../../i18n/i18n';
import { tOrder } from '../../i18n/orders-i18n';
import { isWebMode } from '../../platform/platform';
import { useApi, usePlatform } from '../../platform/services';
import { createBrowserPush } from './browser-push';
import { detectPushSupport, readBrowserTraits } from './push-support';
import { usePushOptIn } from './use-push-opt-in';

/**
 * "Get order updates in this browser": Web Push for a customer of the web storefront (inside Telegram the
 * bot tells them, so nothing shows there). On iOS in a Safari tab it says how to add the shop to the home
 * screen, the only place iOS allows Web Push.
 */
export function PushOptIn() {
  const platform = usePlatform();
  const api = useApi();
  const web = isWebMode(platform);
  const support = useMemo(() => detectPushSupport(readBrowserTraits(window)), []);
  const push = useMemo(() => createBrowserPush(window, api), [api]);
  const { state, failed, turnOn, turnOff } = usePushOptIn(web ? support : 'unsupported', push, currentLocale);
  if (!web || state === 'loading' || state === 'unavailable') return null;

  let body;
  switch (state) {
    case 'ios-home-screen':
      body = <p className="hint">{tOrder('push.iosHowTo')}</p>;
      break;
    case 'unsupported':
      body = <p className="hint">{tOrder('push.unsupported')}</p>;
      break;
    case 'denied':
      body = <p className="hint">{tOrder('push.denied')}</p>;
      break;
    case 'on':
      body = (
        <>
          <p data-testid="push-on">{tOrder('push.on')}</p>
          <button type="button" className="button" onClick={() => void turnOff()}>
            {tOrder('push.turnOff')}
          </button>
        </>
      );
      break;
    case 'off':
    case 'subscribing':
      body = (
        <>
          <p className="hint">{tOrder('push.turnOnHint')}</p>
          {failed && (
            <p className="hint" role="alert">
              {tOrder('push.failed')}
            </p>
          )}
          <button type="button" className="button button--primary" data-testid="push-turn-on" disabled={state === 'subscribing'} onClick={() => void turnOn()}>
            {state === 'subscribing' ? tOrder('push.turningOn') : tOrder('push.turnOn')}
          </button>
        </>
      );
      break;
  }
  return (
    <section className="card push-opt-in" data-testid="push-opt-in" data-state={state} aria-labelledby="push-opt-in-title">
      <h2 id="push-opt-in-title" className="card__title">
        {tOrder('push.title')}
      </h2>
      {body}
    </section>
  );
}
