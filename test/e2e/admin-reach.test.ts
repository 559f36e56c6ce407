// The merchant reaches customers from the admin screens (issue #16): products posted to the shop's
// channel, an announcement to the customers who get offers. The built app in headless Chromium opened the
// way Telegram opens it, the real Node server with SHOP_CHANNEL_IDS and its outbox worker, and the fake
// Bot API over real HTTP recording what reaches the channel and the chats.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { E2E_ADMIN, E2E_BOT_USERNAME, E2E_CHANNEL, startAdminE2eEnvironment, type AdminE2eEnvironment } from './support/admin-environment';
import { openSession } from './support/browser-session';
import { checkChromium } from './support/chromium';
import { nextFrames } from './support/layout';
import { openInTelegram } from './support/mini-app';
import { E2E_BOT_TOKEN } from './support/server';
import { LIGHT_THEME } from './support/telegram';

const chromium = checkChromium();

describe.skipIf(!chromium.run)('reaching customers from the admin screens', () => {
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

  it('previews an announcement in the merchant’s own chat, then sends it with an Unsubscribe button', async () => {
    const s = await openSession(env.browser, { name: 'admin/announcement', origin: new URL(env.server.url).origin });
    await openInTelegram(s, { baseUrl: env.server.url, botToken: E2E_BOT_TOKEN, theme: LIGHT_THEME, user: E2E_ADMIN });
    await s.page.getByTestId('admin-link').click();
    await s.page.getByTestId('admin-nav-announcements').click();
    await s.page.getByTestId('announce-form').waitFor();
    // Sending is not possible before a preview.
    expect(await s.page.getByTestId('announce-send').isDisabled()).toBe(true);
    await s.page.getByTestId('announce-preview').click();
    expect(await s.page.getByTestId('announce-problem').textContent()).toMatch(/Write the message/);

    const text = 'New beans are in: 10% off this week';
    await s.page.getByTestId('announce-text').fill(text);
    await s.page.getByTestId('announce-preview').click();
    await s.page.getByTestId('announce-previewed').waitFor();
    expect(await s.page.getByTestId('announce-previewed').textContent()).toMatch(/own chat/);
    const toAdmin = () => env.botApi.calls.filter((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === E2E_ADMIN.id && c.params.text === text);
    await expect.poll(() => toAdmin().length, { timeout: 20_000 }).toBe(1);
    await s.screenshot('announcement-previewed');

    await s.page.getByTestId('announce-send').click();
    await s.page.getByTestId('announce-status').waitFor();
    // The merchant is a customer of the shop too: the real copy reaches them, with the Unsubscribe button.
    await expect.poll(() => toAdmin().length, { timeout: 20_000 }).toBe(2);
    expect(toAdmin()[1]!.params.reply_markup).toEqual({ inline_keyboard: [[{ text: expect.any(String), callback_data: 'marketing:stop' }]] });
    await s.page.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(async () => s.page.getByTestId('announce-counts').textContent(), { timeout: 10_000 }).toMatch(/^Sent [1-9]/);
    await s.screenshot('announcement-sent');
    expect(s.problems(), 'page errors and console errors').toEqual([]);
  }, 120_000);
});
