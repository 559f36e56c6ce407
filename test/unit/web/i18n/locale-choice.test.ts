// Which language the shop opens in, and what the switcher changes: text, <html lang/dir>, memory.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { en } from '../../../../src/i18n/en';
import { currentLocale, setMessages, t } from '../../../../src/i18n/i18n';
import { chooseLocale, startLocale } from '../../../../src/i18n/locale-choice';
import { tOrder } from '../../../../src/i18n/orders-i18n';
import { detectLocale, matchLocale } from '../../../../src/i18n/supported-locales';

afterEach(() => setMessages('en', en));

describe('detectLocale', () => {
  // [saved choice, Telegram's language_code, ...the browser's languages]
  it.each([
    [[null, 'ru', 'en-US'], 'ru'],
    [[null, null, 'fa-IR', 'en'], 'fa'],
    [[null, 'de', 'de-DE', 'hi-IN'], 'hi'],
    [[null, null], 'en'],
    [[null, 'de', 'fr'], 'en'],
    [['hi', 'ru', 'fa'], 'hi'],
    [['xx', 'fa'], 'fa'],
  ] as const)('%j → %s', (candidates, expected) => {
    expect(detectLocale(candidates)).toBe(expected);
  });

  it.each([
    ['ru-RU', 'ru'],
    ['RU', 'ru'],
    ['fa_IR', 'fa'],
    ['hi-Latn-IN', 'hi'],
    ['pt-br', null],
    ['', null],
    [null, null],
  ])('matches %j to %j', (tag, expected) => {
    expect(matchLocale(tag)).toBe(expected);
  });
});

/** Just enough of a browser window for the locale code: storage, languages and <html>. */
function fakeWindow(options: { saved?: string; languages?: string[]; storageBlocked?: boolean } = {}) {
  const stored = new Map<string, string>(options.saved ? [['bazaar:locale', options.saved]] : []);
  const storage = {
    getItem: (key: string) => {
      if (options.storageBlocked) throw new Error('SecurityError');
      return stored.get(key) ?? null;
    },
    setItem: (key: string, value: string) => {
      if (options.storageBlocked) throw new Error('SecurityError');
      stored.set(key, value);
    },
  };
  const root = { lang: 'en', dir: 'ltr' };
  const win = {
    localStorage: storage,
    navigator: { languages: options.languages ?? ['en-US'] },
    document: { documentElement: root },
  } as unknown as Window;
  return { win, root, stored };
}

describe('startLocale and chooseLocale', () => {
  it('opens in the Telegram language: Persian text, lang="fa" and dir="rtl" together', async () => {
    const { win, root } = fakeWindow();
    await startLocale(win, 'fa');
    expect(currentLocale()).toBe('fa');
    expect(t('nav.cart')).toBe('سبد خرید');
    expect(root).toEqual({ lang: 'fa', dir: 'rtl' });
  });

  it('falls back to the browser languages without a Telegram language', async () => {
    const { win, root } = fakeWindow({ languages: ['de-DE', 'ru-RU'] });
    await startLocale(win, null);
    expect(t('nav.cart')).toBe('Корзина');
    expect(root).toEqual({ lang: 'ru', dir: 'ltr' });
  });

  it('remembers the switcher choice, which then wins over Telegram', async () => {
    const first = fakeWindow();
    await startLocale(first.win, 'fa');
    await chooseLocale('hi', first.win);
    expect(t('nav.cart')).toBe('कार्ट');
    expect(first.root).toEqual({ lang: 'hi', dir: 'ltr' });
    expect(first.stored.get('bazaar:locale')).toBe('hi');

    const reopened = fakeWindow({ saved: first.stored.get('bazaar:locale')! });
    await startLocale(reopened.win, 'fa');
    expect(currentLocale()).toBe('hi');
  });

  it('brings the order screens’ messages along in the new language', async () => {
    const { win } = fakeWindow();
    await startLocale(win, 'ru');
    await vi.waitFor(() => expect(tOrder('cart.title')).toBe('Корзина'));
    await chooseLocale('fa', win);
    await vi.waitFor(() => expect(tOrder('payment.pay', { amount: '۴٫۵ TON' })).toBe('پرداخت \u2068۴٫۵ TON\u2069'));
  });

  it('switches back to the built-in English', async () => {
    const { win, root } = fakeWindow();
    await startLocale(win, 'ru');
    await chooseLocale('en', win);
    expect(t('nav.cart')).toBe('Cart');
    expect(root).toEqual({ lang: 'en', dir: 'ltr' });
  });

  it('still switches when storage is blocked, it just does not remember', async () => {
    const { win } = fakeWindow({ storageBlocked: true });
    await startLocale(win, 'ru');
    await chooseLocale('fa', win);
    expect(currentLocale()).toBe('fa');
  });

  it('lets the last of two quick choices win', async () => {
    const { win, root } = fakeWindow();
    await Promise.all([chooseLocale('ru', win), chooseLocale('hi', win)]);
    expect(currentLocale()).toBe('hi');
    expect(root.lang).toBe('hi');
  });
});
