import type { Locale } from '../locale';
import { en } from './en';
import { fa } from './fa';
import { hi } from './hi';
import type { Messages } from './messages';
import { ru } from './ru';

/** Every locale's catalog, keyed by locale. */
export const MESSAGE_CATALOGS: Readonly<Record<Locale, Messages>> = { en, ru, fa, hi };

/** The catalog for `locale`. */
export function messagesFor(locale: Locale): Messages {
  return MESSAGE_CATALOGS[locale];
}
