import { describe, expect, it } from 'vitest';
import { describeBotSetupPlan, planBotSetup } from '../../../functions/core/bot/setup-plan';
import type { BotSetupSettings } from '../../../functions/core/bot/setup-settings';

const settings: BotSetupSettings = {
  botToken: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  publicUrl: 'https://shop.example/',
  webhookSecret: 'S3cret_value-that-nobody-knows',
  shopName: 'Tea House',
  messenger: 'telegram',
};

describe('planBotSetup', () => {
  it('points the webhook below PUBLIC_URL with the secret, the allowed updates, and keeps pending updates', () => {
    expect(planBotSetup(settings).webhook).toEqual({
      url: 'https://shop.example/api/telegram/webhook',
      secret_token: settings.webhookSecret,
      allowed_updates: ['message', 'my_chat_member', 'inline_query', 'callback_query', 'pre_checkout_query'],
      drop_pending_updates: false,
    });
  });

  it('keeps a path in PUBLIC_URL in front of the webhook path', () => {
    const plan = planBotSetup({ ...settings, publicUrl: 'https://host.example/shop' });
    expect(plan.webhook.url).toBe('https://host.example/shop/api/telegram/webhook');
    expect(plan.menuButton.web_app.url).toBe('https://host.example/shop');
  });

  it('makes the menu button a web_app button named after the shop that opens PUBLIC_URL', () => {
    expect(planBotSetup(settings).menuButton).toEqual({ type: 'web_app', text: 'Tea House', web_app: { url: 'https://shop.example/' } });
  });

  it.each([
    ['The Very Long Name Of A Tea Shop', 'Shop'],
    ['   ', 'Shop'],
    ['Чайный дом', 'Чайный дом'],
  ])('names the menu button "%s" → "%s" (long or empty names read as Shop)', (shopName, text) => {
    expect(planBotSetup({ ...settings, shopName }).menuButton.text).toBe(text);
  });

  it('sets the default English commands and the same commands for ru, fa and hi', () => {
    const lists = planBotSetup(settings).commandLists;
    expect(lists.map((list) => list.language_code)).toEqual([undefined, 'ru', 'fa', 'hi']);
    expect(lists[0]).not.toHaveProperty('language_code');
    for (const list of lists) expect(list.commands.map((c) => c.command)).toEqual(['start', 'orders', 'help', 'web', 'paysupport']);
    expect(lists[0]!.commands[0]).toEqual({ command: 'start', description: 'Open the shop' });
    expect(lists[1]!.commands[0]!.description).toBe('Открыть магазин');
  });

  it('gives every language its own descriptions, within Telegram’s limits', () => {
    const lists = planBotSetup(settings).commandLists;
    for (const list of lists) {
      for (const { command, description } of list.commands) {
        // core.telegram.org/bots/api#botcommand
        expect(command).toMatch(/^[a-z0-9_]{1,32}$/);
        expect(description.length).toBeGreaterThanOrEqual(1);
        expect(description.length).toBeLessThanOrEqual(256);
      }
    }
    const english = lists[0]!.commands.map((c) => c.description);
    for (const list of lists.slice(1)) {
      list.commands.forEach((c, i) => expect(c.description, `${list.language_code} /${c.command}`).not.toBe(english[i]));
    }
  });
});

describe('describeBotSetupPlan', () => {
  it('names every call a run makes, in order, and never shows the secret', () => {
    const lines = describeBotSetupPlan(planBotSetup(settings));
    expect(lines.map((line) => line.split(/[ :]/)[0])).toEqual([
      'getMe',
      'setWebhook',
      'setChatMenuButton',
      'setMyCommands',
      'setMyCommands',
      'setMyCommands',
      'setMyCommands',
      'getWebhookInfo',
    ]);
    expect(lines.join('\n')).not.toContain(settings.webhookSecret);
    expect(lines[1]).toContain('https://shop.example/api/telegram/webhook');
  });
});

describe('planBotSetup for Bale', () => {
  const bale: BotSetupSettings = { ...settings, messenger: 'bale' };

  it('puts the secret in the webhook URL too, since Bale does not promise Telegram’s secret header', () => {
    expect(planBotSetup(bale).webhook).toMatchObject({
      url: `https://shop.example/api/telegram/webhook/${settings.webhookSecret}`,
      secret_token: settings.webhookSecret,
    });
    expect(planBotSetup(settings).webhook.url).toBe('https://shop.example/api/telegram/webhook');
  });

  it('never shows that secret in a dry run, in the URL or anywhere else', () => {
    const lines = describeBotSetupPlan(planBotSetup(bale)).join('\n');
    expect(lines).not.toContain(settings.webhookSecret);
    expect(lines).toContain('api/telegram/webhook/<WEBHOOK_SECRET>');
  });
});
