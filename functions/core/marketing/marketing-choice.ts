import type { MessengerId } from '../messenger/messenger-id';
import { parseBotCommand } from '../bot/bot-command';
import type { BotUpdate } from '../bot/bot-update';

/** The `callback_data` of the Unsubscribe button under every announcement. */
export const UNSUBSCRIBE_CALLBACK = 'marketing:stop';

/**
 * What an update says about the person's consent to offers: the Unsubscribe button or /stop opts out,
 * /offers opts back in; null for anything else. Only in a private chat, from the person themselves.
 */
export function marketingChoiceOf(update: BotUpdate, botUsername: string | undefined): { telegramId: MessengerId; optedOut: boolean } | null {
  if (update.kind === 'callback') {
    return update.callback.data === UNSUBSCRIBE_CALLBACK ? { telegramId: update.callback.fromId, optedOut: true } : null;
  }
  if (update.kind !== 'message' || update.message.chatType !== 'private' || !update.message.from) return null;
  const command = parseBotCommand(update.message.text, botUsername)?.command;
  if (command === 'stop') return { telegramId: update.message.from.id, optedOut: true };
  if (command === 'offers') return { telegramId: update.message.from.id, optedOut: false };
  return null;
}
