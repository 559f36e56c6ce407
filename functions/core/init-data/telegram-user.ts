import { InitDataMalformedError } from './errors';

/** The Telegram account behind a request, as Telegram signed it. */
export type TelegramUser = {
  id: number;
  firstName: string;
  lastName?: string;
  username?: string;
  languageCode?: string;
  isPremium?: boolean;
  photoUrl?: string;
};

/**
 * Reads initData's `user` field: JSON with Telegram's snake_case names
 * (core.telegram.org/bots/webapps#webappuser). `id` must be a positive integer and `first_name` a
 * string; a known optional field of the wrong type is refused too, because Telegram never sends one and
 * guessing would hide a misunderstanding of the format. Unknown fields are ignored: Telegram adds some.
 *
 * @throws InitDataMalformedError
 */
export function parseInitDataUser(userJson: string | undefined): TelegramUser {
  if (userJson === undefined) throw new InitDataMalformedError('it names no Telegram user');
  let raw: unknown;
  try {
    raw = JSON.parse(userJson);
  } catch {
    throw new InitDataMalformedError('its user is not valid JSON');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new InitDataMalformedError('its user is not a JSON object');
  }
  const fields = raw as Record<string, unknown>;
  const user: TelegramUser = {
    id: readUserId(fields.id),
    firstName: readRequiredString(fields, 'first_name'),
  };
  const { last_name, username, language_code, is_premium, photo_url } = fields;
  if (last_name !== undefined) user.lastName = expectType(last_name, 'string', 'last_name');
  if (username !== undefined) user.username = expectType(username, 'string', 'username');
  if (language_code !== undefined) user.languageCode = expectType(language_code, 'string', 'language_code');
  if (is_premium !== undefined) user.isPremium = expectType(is_premium, 'boolean', 'is_premium');
  if (photo_url !== undefined) user.photoUrl = expectType(photo_url, 'string', 'photo_url');
  return user;
}

function readUserId(id: unknown): number {
  // A JSON number, never a numeric string: our ids are numbers end to end.
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0) {
    throw new InitDataMalformedError("its user's id is not a positive whole number");
  }
  return id;
}

function readRequiredString(fields: Record<string, unknown>, name: string): string {
  const value = fields[name];
  if (typeof value !== 'string') throw new InitDataMalformedError(`its user has no ${name}`);
  return value;
}

function expectType<Kind extends 'string' | 'boolean'>(value: unknown, kind: Kind, name: string): Kind extends 'string' ? string : boolean {
  if (typeof value !== kind) throw new InitDataMalformedError(`its user's ${name} is not a ${kind}`);
  return value as Kind extends 'string' ? string : boolean;
}
