/**
 * A user's or a chat's id in the messenger the shop runs on, as text. Telegram's ids are integers (up to
 * 52 bits), but other messengers with Telegram's bot API shape are not bound to that, and several use
 * UUIDs or other strings: the shop stores and compares them as text everywhere (migration
 * 0009_text_messenger_ids) and turns a numeric one back into a number only on the wire, where the Bot
 * API's `Integer` parameters expect it (adapters/telegram/bot-api-client.ts).
 */
export type MessengerId = string;

/** Longest id accepted from an update or launch data: far above any real one, short enough to index. */
export const MAX_MESSENGER_ID_LENGTH = 64;

/** The id as text, whether the update carried it as a number or a string. */
export function messengerIdOf(value: number | string): MessengerId {
  return typeof value === 'number' ? String(value) : value;
}

/** Whether the id is a plain integer (every Telegram id is), so the wire may carry it as a JSON number. */
export function isNumericMessengerId(id: MessengerId): boolean {
  return /^-?[1-9]\d{0,15}$/.test(id) && Number.isSafeInteger(Number(id));
}
