import type { MessengerId } from '../messenger/messenger-id';
import { escapeHtml } from '../notifications/escape-html';
import type { Messages } from '../notifications/messages/messages';
import type { SendMessageParams, SendPhotoParams } from '../telegram/bot-api';
import { UNSUBSCRIBE_CALLBACK } from './marketing-choice';

/** What the merchant wrote, as it is kept on each delivery (the outbox row's payload). */
export interface AnnouncementContent {
  /** Plain text: it is escaped, never read as markup. At most 1024 characters with a photo, 4096 without. */
  text: string;
  /** An https JPEG or PNG, sent as a photo with the text as its caption. */
  photoUrl: string | null;
  button: { text: string; url: string } | null;
}

export const ANNOUNCEMENT_TEXT_LIMIT = 4096;
export const ANNOUNCEMENT_CAPTION_LIMIT = 1024;

/** Who an announcement goes to, besides "opted in, reachable, known on Telegram". */
export type Audience = { kind: 'all' } | { kind: 'language'; language: string } | { kind: 'category'; categoryId: string };

/**
 * One customer's copy of an announcement: the merchant's text (escaped), photo and button, and always an
 * Unsubscribe button in the customer's language, which taps back to the bot (marketing-choice.ts).
 */
export function renderAnnouncement(
  chatId: MessengerId,
  content: AnnouncementContent,
  t: Messages,
): { method: 'sendPhoto'; params: SendPhotoParams } | { method: 'sendMessage'; params: SendMessageParams } {
  const rows = [
    ...(content.button ? [[{ text: content.button.text, url: content.button.url }]] : []),
    [{ text: t.marketingUnsubscribeButton, callback_data: UNSUBSCRIBE_CALLBACK }],
  ];
  const reply_markup = { inline_keyboard: rows };
  const text = escapeHtml(content.text);
  if (content.photoUrl) return { method: 'sendPhoto', params: { chat_id: chatId, photo: content.photoUrl, caption: text, parse_mode: 'HTML', reply_markup } };
  return { method: 'sendMessage', params: { chat_id: chatId, text, parse_mode: 'HTML', reply_markup } };
}
