import { describe, expect, it } from 'vitest';
import { readBotUpdate } from '../../../functions/api/telegram-update-schema';
import { BOT_ALLOWED_UPDATES } from '../../../functions/core/bot/allowed-updates';

// Telegram keeps sending only the types setWebhook named (core.telegram.org/bots/api#setwebhook): the list
// bot:setup sends and the kinds the webhook reads must be the same set.
const SAMPLES: Record<string, Record<string, unknown>> = {
  message: {
    message_id: 10,
    date: 1_700_000_000,
    chat: { id: 42, type: 'private', first_name: 'Ann' },
    from: { id: 42, is_bot: false, first_name: 'Ann', language_code: 'ru' },
    text: '/start',
  },
  my_chat_member: {
    chat: { id: 42, type: 'private', first_name: 'Ann' },
    from: { id: 42, is_bot: false, first_name: 'Ann' },
    date: 1_700_000_000,
    old_chat_member: { status: 'member', user: { id: 7000000001, is_bot: true, first_name: 'Shop' } },
    new_chat_member: { status: 'kicked', until_date: 0, user: { id: 7000000001, is_bot: true, first_name: 'Shop' } },
  },
  edited_message: { message_id: 10, date: 1_700_000_000, edit_date: 1_700_000_100, chat: { id: 42, type: 'private' }, text: '/help' },
  callback_query: { id: '1', from: { id: 42, is_bot: false, first_name: 'Ann' }, chat_instance: '1', data: 'x' },
  channel_post: { message_id: 1, date: 1_700_000_000, chat: { id: -1001, type: 'channel' }, text: 'hi' },
  chat_member: {
    chat: { id: -1001, type: 'supergroup' },
    from: { id: 42, is_bot: false, first_name: 'Ann' },
    date: 1_700_000_000,
    old_chat_member: { status: 'left', user: { id: 43, is_bot: false, first_name: 'Bo' } },
    new_chat_member: { status: 'member', user: { id: 43, is_bot: false, first_name: 'Bo' } },
  },
  inline_query: { id: '1', from: { id: 42, is_bot: false, first_name: 'Ann' }, query: 'tea', offset: '' },
  pre_checkout_query: {
    id: '4242',
    from: { id: 42, is_bot: false, first_name: 'Ann' },
    currency: 'XTR',
    total_amount: 150,
    invoice_payload: '0b4b7a8e-1111-4222-8333-444455556666',
  },
};

describe('the update types bot:setup asks Telegram for', () => {
  it.each(BOT_ALLOWED_UPDATES.map((kind) => [kind]))('include %s, which the webhook reads', (kind) => {
    const sample = SAMPLES[kind];
    expect(sample, `add a sample ${kind} update to this test`).toBeDefined();
    expect(readBotUpdate({ update_id: 1, [kind]: sample }).kind).not.toBe('ignored');
  });

  it('leave out every type the webhook only acknowledges and ignores', () => {
    const ignored = Object.keys(SAMPLES).filter((kind) => readBotUpdate({ update_id: 1, [kind]: SAMPLES[kind] }).kind === 'ignored');
    expect(ignored.length).toBeGreaterThan(0);
    for (const kind of ignored) expect(BOT_ALLOWED_UPDATES).not.toContain(kind);
    expect([...BOT_ALLOWED_UPDATES].sort()).toEqual(
      Object.keys(SAMPLES)
        .filter((kind) => !ignored.includes(kind))
        .sort(),
    );
  });
});
