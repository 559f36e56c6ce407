import { describe, expect, it } from 'vitest';
import { createConsoleBotApi } from '../../../functions/adapters/telegram/console-bot-api';

describe('the console bot of dev mode', () => {
  it('prints each message, clearly marked as not sent to Telegram, and reports it delivered', async () => {
    const lines: string[] = [];
    const bot = createConsoleBotApi((line) => lines.push(line));
    const sent = await bot.sendMessage({
      chat_id: '42',
      text: '✅ <b>Order AB12 is paid.</b>\nThank you!',
      parse_mode: 'HTML',
      reply_markup: { inline_keyboard: [[{ text: 'Open the order', web_app: { url: 'https://shop.example/orders/1' } }]] },
    });
    expect(sent).toEqual({ message_id: 1, chat: { id: '42' } });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('NOT sent to Telegram');
    expect(lines[0]).toContain('chat 42');
    expect(lines[0]).toContain('  Thank you!');
    expect(lines[0]).toContain('[Open the order] → https://shop.example/orders/1');
    expect((await bot.sendMessage({ chat_id: '7', text: 'again' })).message_id).toBe(2);
  });

  it('refuses to set up a webhook: that needs a real bot', async () => {
    const bot = createConsoleBotApi(() => {});
    await expect(bot.setWebhook({ url: 'https://x.example', secret_token: 's', allowed_updates: [] })).rejects.toThrow('set BOT_TOKEN');
  });
});
