// "Notify me" rendered to static HTML with an injected platform and a seeded resource cache.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { STOCK_ALERTS_KEY } from '../../../src/features/stock-alerts/api';
import { NotifyMeButton } from '../../../src/features/stock-alerts/notify-me-button';
import { createBrowserPlatform } from '../../../src/platform/platform';
import { ResourceCache } from '../../../src/platform/resource-cache';
import { PlatformContext, ResourceCacheContext } from '../../../src/platform/services';

const inTelegram = { ...createBrowserPlatform({ initDataRaw: 'query_id=1' }), insideTelegram: true };

function render(cache: ResourceCache, platform = inTelegram) {
  return renderToStaticMarkup(
    <PlatformContext.Provider value={platform}>
      <ResourceCacheContext.Provider value={cache}>
        <NotifyMeButton slug="almond-biscotti" variantId="v1" />
      </ResourceCacheContext.Provider>
    </PlatformContext.Provider>,
  );
}

describe('NotifyMeButton', () => {
  it('waits, disabled, while the customer’s alerts load', () => {
    const html = render(new ResourceCache());
    expect(html).toContain('data-testid="notify-me"');
    expect(html).toMatch(/aria-busy="true"[^>]*disabled=""/);
  });

  it('offers "Notify me" when the customer has no alert on this variant', () => {
    const cache = new ResourceCache();
    cache.set(STOCK_ALERTS_KEY, [{ variantId: 'other', productId: 'p', createdAt: '' }]);
    const html = render(cache);
    expect(html).toContain('aria-pressed="false"');
    expect(html).toContain('Notify me');
    expect(html).toContain('Get one message in Telegram when it is back.');
  });

  it('shows "We’ll tell you" once they asked, and that another tap stops it', () => {
    const cache = new ResourceCache();
    cache.set(STOCK_ALERTS_KEY, [{ variantId: 'v1', productId: 'p', createdAt: '' }]);
    const html = render(cache);
    expect(html).toContain('aria-pressed="true"');
    expect(html).toContain('We’ll tell you');
    expect(html).toContain('Tap again to stop.');
  });

  it('says so, with a retry, when the alerts could not be read', async () => {
    const cache = new ResourceCache();
    await cache.load(STOCK_ALERTS_KEY, () => Promise.reject(new Error('offline')));
    const html = render(cache);
    expect(html).toContain('data-testid="notify-me-error"');
    expect(html).toContain('Try again');
  });

  it('on the web, before sign-in, asks nothing and offers the button (the tap leads to sign-in)', () => {
    const html = render(new ResourceCache(), createBrowserPlatform());
    expect(html).toContain('aria-pressed="false"');
    expect(html).not.toContain('disabled');
  });
});
