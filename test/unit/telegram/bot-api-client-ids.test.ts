import { describe, expect, it } from 'vitest';
import { createBotApiClient } from '../../../functions/adapters/telegram/bot-api-client';

/** The client over a fetch that records each request's URL and JSON body and answers ok. */
function recordingClient() {
  const requests: { url: string; body: Record<string, unknown> }[] = [];
  const bot = createBotApiClient({
    token: '123:secret',
    fetch: async (input, init) => {
      requests.push({ url: new Request(input).url, body: JSON.parse(String(init?.body)) as Record<string, unknown> });
      return Response.json({ ok: true, result: { message_id: 1, chat: { id: 1 } } });
    },
  });
  return { bot, requests };
}

describe('the Bot API client and text ids', () => {
  it('sends a numeric id as a JSON number, as the Bot API documents Integer ids', async () => {
    const { bot, requests } = recordingClient();
    await bot.sendMessage({ chat_id: '-1001234567890', text: 'hi' });
    await bot.refundStarPayment({ user_id: '42', telegram_payment_charge_id: 'c1' });
    expect(requests.map((r) => [r.body.chat_id ?? r.body.user_id])).toEqual([[-1001234567890], [42]]);
  });

  it('sends any other id as the text it is, unchanged', async () => {
    const { bot, requests } = recordingClient();
    await bot.sendMessage({ chat_id: 'u_7f3a9c2e', text: 'hi' });
    await bot.sendMessage({ chat_id: '9007199254740993', text: 'too big for a JSON number' });
    expect(requests.map((r) => r.body.chat_id)).toEqual(['u_7f3a9c2e', '9007199254740993']);
  });

  it('addresses Telegram by default: https://api.telegram.org/bot<token>/<method>', async () => {
    const { bot, requests } = recordingClient();
    await bot.sendMessage({ chat_id: '1', text: 'hi' });
    expect(requests[0]!.url).toBe('https://api.telegram.org/bot123:secret/sendMessage');
  });
});
