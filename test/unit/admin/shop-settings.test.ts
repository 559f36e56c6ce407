import { describe, expect, it } from 'vitest';
import { defaultShopSettings, readShopSettings } from '../../../functions/core/admin/shop-settings';

describe('readShopSettings', () => {
  it('gives the defaults when nothing was saved', () => {
    expect(readShopSettings(undefined, 'Corner shop')).toEqual(defaultShopSettings('Corner shop'));
    expect(defaultShopSettings('Corner shop')).toEqual({
      name: 'Corner shop',
      description: '',
      currencyDisplay: 'code',
      defaultLanguage: 'en',
      languages: ['en', 'ru', 'fa', 'hi'],
      country: '',
      paySupportText: '',
      abandonedCartHours: 4,
    });
  });

  it('keeps valid saved fields and replaces invalid ones with defaults', () => {
    expect(readShopSettings({ name: '', description: 'Tea', currencyDisplay: 'EUR', defaultLanguage: 'fa', languages: ['fa', 'de', 'ru'] }, 'X')).toEqual({
      name: 'X',
      description: 'Tea',
      currencyDisplay: 'code',
      defaultLanguage: 'fa',
      languages: ['ru', 'fa'],
      country: '',
      paySupportText: '',
      abandonedCartHours: 4,
    });
  });

  it('keeps the abandoned-cart wait when it is a whole number of hours within a month, 0 included (off)', () => {
    for (const [stored, read] of [
      [0, 0],
      [12, 12],
      [720, 720],
      [721, 4],
      [-1, 4],
      [1.5, 4],
      ['6', 4],
    ] as const) {
      expect(readShopSettings({ abandonedCartHours: stored }, 'X').abandonedCartHours, String(stored)).toBe(read);
    }
  });

  it('always lists the default language among the languages', () => {
    expect(readShopSettings({ defaultLanguage: 'hi', languages: ['en'] }, 'X').languages).toEqual(['hi', 'en']);
  });
});
