import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../functions/core/notifications/locale';
import { MESSAGE_CATALOGS } from '../../../functions/core/notifications/messages/catalogs';
import type { Messages } from '../../../functions/core/notifications/messages/messages';

const en = MESSAGE_CATALOGS.en;

/** Every text a catalog can produce, with sample arguments (a code, a name, a number). */
function textsOf(messages: Messages): [string, string][] {
  return Object.entries(messages).flatMap(([key, value]): [string, string][] => {
    if (key === 'direction' || key === 'isolate') return [];
    if (typeof value === 'string') return [[key, value]];
    if (typeof value === 'function') return [[key, String((value as (...args: unknown[]) => string)('AB12-CD34', 7))]];
    return Object.entries(value as Record<string, string>).map(([sub, text]): [string, string] => [`${key}.${sub}`, text]);
  });
}

describe('message catalogs', () => {
  it('exist for en, ru, fa and hi', () => {
    expect(Object.keys(MESSAGE_CATALOGS).sort()).toEqual([...LOCALES].sort());
  });

  it.each(LOCALES)('%s has every key the English catalog has, and no other', (locale) => {
    const catalog = MESSAGE_CATALOGS[locale];
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(catalog.status).sort()).toEqual(Object.keys(en.status).sort());
    for (const key of Object.keys(en) as (keyof Messages)[]) expect(typeof catalog[key], key).toBe(typeof en[key]);
  });

  it.each(LOCALES)('%s has no empty text and uses the arguments it is given', (locale) => {
    for (const [key, text] of textsOf(MESSAGE_CATALOGS[locale])) {
      expect(text.trim(), key).not.toBe('');
      const template = (en as unknown as Record<string, unknown>)[key];
      if (typeof template === 'function' && String(template('AB12-CD34', 7)).includes('AB12-CD34')) {
        expect(text, `${locale}.${key} must show the order code`).toContain('AB12-CD34');
      }
    }
  });

  it.each(LOCALES)('%s keeps its HTML tags balanced (Telegram rejects a message that is not)', (locale) => {
    for (const [key, text] of textsOf(MESSAGE_CATALOGS[locale])) {
      for (const tag of ['b', 'i', 'code']) {
        expect(text.split(`<${tag}>`).length, `${locale}.${key} <${tag}>`).toBe(text.split(`</${tag}>`).length);
      }
    }
  });

  it.each(LOCALES)('%s is not English (except English), so a missing translation shows', (locale) => {
    if (locale === 'en') return;
    const same = textsOf(MESSAGE_CATALOGS[locale]).filter(([key, text]) => textsOf(en).find(([k]) => k === key)?.[1] === text);
    expect(same.map(([key]) => key)).toEqual([]);
  });

  it('writes Persian right to left and isolates left-to-right runs inside it', () => {
    expect(MESSAGE_CATALOGS.fa.direction).toBe('rtl');
    expect(MESSAGE_CATALOGS.fa.isolate('1.5 TON')).toBe('\u20661.5 TON\u2069');
    for (const locale of ['en', 'ru', 'hi'] as const) {
      expect(MESSAGE_CATALOGS[locale].direction).toBe('ltr');
      expect(MESSAGE_CATALOGS[locale].isolate('1.5 TON')).toBe('1.5 TON');
    }
  });
});
