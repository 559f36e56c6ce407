// Issue #16's Share button in headless Chromium, opened the way Telegram opens the Mini App: the server
// prepares the product's message through the Bot API (savePreparedInlineMessage, faked over real HTTP)
// and the page hands its id to Telegram's chat picker (shareMessage: the web_app_send_prepared_message
// event to the client).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createFakeBotApi, type FakeBotApi } from '../fakes/fake-bot-api';
import { startBrowserAndShops } from './support/browser-and-shops';
import { openSession } from './support/browser-session';
import { checkChromium } from './support/chromium';
import { openInTelegram, openProduct } from './support/mini-app';
import { E2E_BOT_TOKEN, type ShopServer } from './support/server';
import { startShopServer } from './support/server';
import { LIGHT_THEME, readTelegramEvents } from './support/telegram';

const chromium = checkChromium();

describe.skipIf(!chromium.run)('sharing a product from the Mini App', () => {
  let browser: Browser;
  let server: ShopServer;
  let botApi: FakeBotApi;
  let close: () => Promise<void>;

  beforeAll(async () => {
    botApi = createFakeBotApi({ token: E2E_BOT_TOKEN });
    const listening = botApi.listen();
    const started = await startBrowserAndShops(
      (staticDir) => ({
        shop: listening.then((url) =>
          startShopServer({
            botToken: E2E_BOT_TOKEN,
            staticDir,
            env: { BOT_API_URL: url, BOT_USERNAME: 'bazaar_test_bot', MINI_APP_NAME: 'shop', WEBHOOK_SECRET: 'e2e-webhook-secret_0123456789' },
          }),
        ),
      }),
      () => botApi.close(),
    );
    browser = started.browser;
    server = started.shops.shop;
    close = started.close;
  });
  afterAll(() => close?.());
  afterEach(() => {
    expect(server?.loggedErrors() ?? []).toEqual([]);
  });

  it('prepares the message on the server and opens Telegram’s chat picker with its id', async () => {
    const s = await openSession(browser, { name: 'share/telegram', origin: new URL(server.url).origin });
    const user = { id: 740_000_001, first_name: 'Sara', language_code: 'en' };
    await openInTelegram(s, { baseUrl: server.url, botToken: E2E_BOT_TOKEN, theme: LIGHT_THEME, user });
    await s.page.getByTestId('catalog-grid').waitFor();
    await openProduct(s.page, 'travel-mug');
    const button = s.page.getByTestId('share-button');
    await expect.poll(() => button.textContent()).toBe('Share');
    await s.screenshot('product-with-share');
    await button.click();

    const sentEvent = async () => (await readTelegramEvents(s.page)).find((e) => e.name === 'web_app_send_prepared_message');
    await expect.poll(async () => (await sentEvent())?.params?.id, { message: 'the page called shareMessage' }).toMatch(/^prepared-\d+$/);
    const [prepared] = botApi.callsOf('savePreparedInlineMessage');
    expect(prepared).toMatchObject({
      user_id: user.id,
      result: {
        title: 'Travel mug, 350 ml',
        reply_markup: { inline_keyboard: [[{ url: 'https://t.me/bazaar_test_bot/shop?startapp=product_travel-mug' }]] },
      },
    });
    // The button waits for Telegram's answer, then is ready again.
    expect(await button.isDisabled()).toBe(true);
    await s.page.evaluate(() => {
      const webView = (window as unknown as { Telegram?: { WebView?: { receiveEvent(n: string, d?: unknown): void } } }).Telegram?.WebView;
      webView!.receiveEvent('prepared_message_sent');
    });
    await expect.poll(() => button.isDisabled()).toBe(false);
  });
});
