// The merchant posts products to the shop's channel from the admin screens (issue #16): the built app in
// headless Chromium opened the way Telegram opens it, the real Node server with SHOP_CHANNEL_IDS and its
// outbox worker, and the fake Bot API over real HTTP recording what reaches the channel.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { E2E_ADMIN, E2E_BOT_USERNAME, E2E_CHANNEL, startAdminE2eEnvironment, type AdminE2eEnvironment } from './support/admin-environment';
import { openSession } from './support/browser-session';
import { checkChromium } from './support/chromium';
import { nextFrames } from './support/layout';
import { openInTelegram } from './support/mini-app';
import { E2E_BOT_TOKEN } from './support/server';
import { LIGHT_THEME } from './support/telegram';

const chromium = checkChromium();

describe.skipIf(!chromium.run)('posting products to the shop’s channel', () => {
  let env: AdminE2eEnvironment;
  beforeAll(async () => {
    env = await startAdminE2eEnvironment();
  });
  afterAll(() => env?.close());
  afterEach(() => {
    expect(env?.server.loggedErrors() ?? []).toEqual([]);
    expect(env?.botApi.unexpected ?? []).toEqual([]);
  });

  it('previews the posts in the chosen language, then posts them through the outbox with a button to each product', async () => {
    const s = await openSession(env.browser, { name: 'admin/channel', origin: new URL(env.server.url).origin });
    await openInTelegram(s, { baseUrl: env.server.url, botToken: E2E_BOT_TOKEN, theme: LIGHT_THEME, user: E2E_ADMIN });
    await s.page.getByTestId('admin-link').click();
    await s.page.getByTestId('admin-nav-channel').click();
    const form = s.page.getByTestId('channel-form');
    await form.waitFor();
    // Nothing picked: no preview yet.
    expect(await s.page.getByTestId('channel-preview').isDisabled()).toBe(true);

    const boxes = s.page.getByTestId('channel-product');
    const picked = [await boxes.nth(0).getAttribute('value'), await boxes.nth(1).getAttribute('value')];
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await s.page.getByTestId('channel-locale').selectOption('fa');
    await s.page.getByTestId('channel-preview').click();
    const posts = s.page.getByTestId('channel-preview-post');
    await posts.nth(1).waitFor();
    expect(await posts.count()).toBe(2);
    // Persian captions, and the button that opens the product.
    expect(await posts.nth(0).locator('.channel-preview__text').textContent()).toMatch(/[\u0600-\u06FF]/);
    expect(await posts.nth(0).locator('a').getAttribute('href')).toBe(`https://t.me/${E2E_BOT_USERNAME}?startapp=product_${picked[0]}`);
    await posts.nth(0).scrollIntoViewIfNeeded();
    await nextFrames(s.page);
    await s.screenshot('channel-preview-fa');

    await s.page.getByTestId('channel-send').click();
    await s.page.getByTestId('channel-planned').waitFor();
    // The outbox worker runs every second here: both posts reach the channel, once each.
    await expect.poll(() => env.botApi.calls.filter((c) => Number(c.params.chat_id) === E2E_CHANNEL).length, { timeout: 20_000 }).toBe(2);
    const sent = env.botApi.calls.filter((c) => Number(c.params.chat_id) === E2E_CHANNEL);
    for (const [i, call] of sent.entries()) {
      expect(call.params.reply_markup).toEqual({
        inline_keyboard: [[{ text: expect.any(String), url: `https://t.me/${E2E_BOT_USERNAME}?startapp=product_${picked[i]}` }]],
      });
    }
    await s.page.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(async () => s.page.getByTestId('channel-status').textContent(), { timeout: 10_000 }).toMatch(/Sent 2/);
    await s.screenshot('channel-posted');
    expect(s.problems(), 'page errors and console errors').toEqual([]);
  }, 120_000);
});
