import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/en';
import { setMessages, t } from '../../../src/i18n/i18n';
import { applyDocumentLocale, textDirection } from '../../../src/i18n/locale';

afterEach(() => setMessages('en', en));

describe('t', () => {
  it('fills placeholders', () => {
    expect(t('cart.remove', { title: 'Cold brew' })).toBe('Remove Cold brew');
  });
  it('picks the plural form from count', () => {
    expect(t('nav.cartWithCount', { count: 1 })).toBe('Cart, 1 item');
    expect(t('nav.cartWithCount', { count: 3 })).toBe('Cart, 3 items');
  });
  it('leaves unknown placeholders visible rather than printing "undefined"', () => {
    expect(t('cart.remove')).toBe('Remove {title}');
  });
  it('falls back to English for keys a locale lacks', () => {
    setMessages('ru', { 'nav.cart': 'Корзина' });
    expect(t('nav.cart')).toBe('Корзина');
    expect(t('nav.orders')).toBe('My orders');
  });
});

describe('text direction', () => {
  it.each([
    ['en', 'ltr'],
    ['ru', 'ltr'],
    ['hi', 'ltr'],
    ['fa', 'rtl'],
    ['fa-IR', 'rtl'],
    ['ar', 'rtl'],
  ])('%s is %s', (locale, dir) => {
    expect(textDirection(locale)).toBe(dir);
  });
  it('sets lang and dir on the root element', () => {
    const root = { lang: '', dir: '' };
    applyDocumentLocale(root, 'fa');
    expect(root).toEqual({ lang: 'fa', dir: 'rtl' });
  });
});
