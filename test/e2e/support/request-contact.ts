// A stand-in for what Telegram does when a Mini App calls requestContact (core.telegram.org/bots/webapps,
// Bot API 6.9): the client asks the person, sends their contact to the bot as a message (the shop's webhook
// gets it as an update), and tells the page `phone_requested` with status "sent".
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { telegramEventNames } from './mini-app';

let nextUpdateId = 800_000_000;

export async function shareContactThroughBot(
  page: Page,
  options: { serverUrl: string; webhookSecret: string; user: { id: number; first_name: string }; phoneNumber: string },
): Promise<void> {
  await expect.poll(async () => (await telegramEventNames(page)).includes('web_app_request_phone'), { message: 'the page called requestContact' }).toBe(true);
  const { user } = options;
  const update = {
    update_id: nextUpdateId++,
    message: {
      message_id: 1,
      date: Math.floor(Date.now() / 1000),
      chat: { id: user.id, type: 'private', first_name: user.first_name },
      from: { id: user.id, is_bot: false, first_name: user.first_name },
      // Telegram writes the number without its '+'.
      contact: { phone_number: options.phoneNumber.replace(/^\+/, ''), first_name: user.first_name, user_id: user.id },
    },
  };
  const response = await fetch(`${options.serverUrl}/api/telegram/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': options.webhookSecret },
    body: JSON.stringify(update),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  await page.evaluate(() => {
    const webView = (window as unknown as { Telegram?: { WebView?: { receiveEvent(n: string, d?: unknown): void } } }).Telegram?.WebView;
    webView!.receiveEvent('phone_requested', { status: 'sent' });
  });
}
