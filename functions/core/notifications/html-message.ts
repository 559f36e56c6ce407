import type { MessengerId } from '../messenger/messenger-id';
import type { InlineKeyboardButton, SendMessageParams } from '../telegram/bot-api';
import { miniAppUrl } from './order-links';

/**
 * A `sendMessage` request in Bot API HTML, paragraphs joined by line breaks, with the buttons that could
 * be built on one row (a button needing PUBLIC_URL is null without it and left out).
 */
export function htmlMessage(chatId: MessengerId, paragraphs: readonly string[], buttons: readonly (InlineKeyboardButton | null)[] = []): SendMessageParams {
  const row = buttons.filter((button): button is InlineKeyboardButton => button !== null);
  return {
    chat_id: chatId,
    text: paragraphs.join('\n'),
    parse_mode: 'HTML',
    // Links in the text (the shop's web address) would otherwise unfold into a preview card.
    link_preview_options: { is_disabled: true },
    ...(row.length > 0 && { reply_markup: { inline_keyboard: [row] } }),
  };
}

/** A button opening the Mini App at `path` inside Telegram (private chats only). */
export function webAppButton(text: string, publicUrl: string | undefined, path: string): InlineKeyboardButton | null {
  const url = miniAppUrl(publicUrl, path);
  return url ? { text, web_app: { url } } : null;
}

/** A plain link button: the only kind that works in groups. */
export function urlButton(text: string, publicUrl: string | undefined, path: string): InlineKeyboardButton | null {
  const url = miniAppUrl(publicUrl, path);
  return url ? { text, url } : null;
}
