// Numbers, TON amounts, countdowns, dates and plurals as each supported language writes them.
import { afterEach, describe, expect, it } from 'vitest';
import { formatTonInLocale, InvalidAmountError } from '../../../../src/domain/money';
import { formatCountdown } from '../../../../src/domain/time';
import { en } from '../../../../src/i18n/en';
import { fa } from '../../../../src/i18n/fa';
import { hi } from '../../../../src/i18n/hi';
import { faOrders } from '../../../../src/i18n/fa-orders';
import { hiOrders } from '../../../../src/i18n/hi-orders';
import { formatMessage, formatNumber, setMessages, t } from '../../../../src/i18n/i18n';
import { formatDateTime } from '../../../../src/i18n/format-date';
import { ru } from '../../../../src/i18n/ru';
import { ruOrders } from '../../../../src/i18n/ru-orders';

afterEach(() => setMessages('en', en));

const NBSP = '\u00a0';
const FSI = '\u2068';
const PDI = '\u2069';
const LRM = '\u200e';

describe('TON amounts per locale', () => {
  it.each([
    ['en', '1234567890123456789', '1,234,567,890.123456789 TON'],
    ['ru', '1234567890123456789', `1${NBSP}234${NBSP}567${NBSP}890,123456789 TON`],
    ['fa', '1234567890123456789', '۱٬۲۳۴٬۵۶۷٬۸۹۰٫۱۲۳۴۵۶۷۸۹ TON'],
    // Intl's default for hi: Latin digits with Indian grouping (lakh, crore).
    ['hi', '1234567890123456789', '1,23,45,67,890.123456789 TON'],
    ['en', '4500000000', '4.5 TON'],
    ['ru', '4500000000', '4,5 TON'],
    ['fa', '4500000000', '۴٫۵ TON'],
    ['hi', '4500000000', '4.5 TON'],
    ['fa', '0', '۰ TON'],
    ['fa', '1', '۰٫۰۰۰۰۰۰۰۰۱ TON'],
    ['fa', '12000000000', '۱۲ TON'],
  ])('%s writes %s nanoton as %s', (locale, nano, expected) => {
    expect(formatTonInLocale(nano, locale)).toBe(expected);
  });

  it('keeps every digit of amounts beyond float precision (2^53) in Persian digits', () => {
    expect(formatTonInLocale('9007199254740993000000001', 'fa')).toBe('۹٬۰۰۷٬۱۹۹٬۲۵۴٬۷۴۰٬۹۹۳٫۰۰۰۰۰۰۰۰۱ TON');
  });

  it('writes negative amounts with the locale minus sign, fractions of a TON included', () => {
    expect(formatTonInLocale('-2500000000', 'en')).toBe('-2.5 TON');
    expect(formatTonInLocale('-500000000', 'en')).toBe('-0.5 TON');
    expect(formatTonInLocale('-500000000', 'fa')).toBe(`${LRM}−۰٫۵ TON`);
    expect(formatTonInLocale('-0', 'fa')).toBe('۰ TON');
  });

  it('leaves the unit out on request', () => {
    expect(formatTonInLocale('1500000000', 'fa', '')).toBe('۱٫۵');
  });

  it('still refuses amounts that are not integer nanotons', () => {
    expect(() => formatTonInLocale('1.5', 'fa')).toThrow(InvalidAmountError);
  });
});

describe('countdowns per locale', () => {
  it.each([
    ['en', 245_000, '4:05'],
    ['fa', 245_000, '۴:۰۵'],
    ['hi', 245_000, '4:05'],
    ['ru', 3_725_000, '1:02:05'],
    ['fa', 3_725_000, '۱:۰۲:۰۵'],
  ])('%s shows %i ms as %s', (locale, ms, expected) => {
    expect(formatCountdown(ms, locale)).toBe(expected);
  });
});

describe('numbers and dates in messages', () => {
  it('puts counts in Persian digits in Persian', () => {
    setMessages('fa', fa);
    expect(formatMessage(faOrders['orders.itemCount'], { count: 3 })).toBe('۳ کالا');
    expect(formatNumber(1234)).toBe('۱٬۲۳۴');
  });

  it('keeps Latin digits in Hindi, as Intl does by default', () => {
    setMessages('hi', hi);
    expect(formatMessage(hiOrders['orders.itemCount'], { count: 3 })).toBe('3 आइटम');
    expect(formatNumber(1234567)).toBe('12,34,567');
  });

  it('writes dates in the Persian (Solar Hijri) calendar with Persian digits', () => {
    setMessages('fa', fa);
    const date = formatDateTime('2025-03-21T09:30:00Z');
    expect(date).toMatch(/[۰-۹]/);
    expect(date).not.toMatch(/[0-9]/);
    expect(date).toContain('۱۴۰۴'); // Nowruz 2025 starts the year 1404.
  });

  it('writes dates in Russian with Russian month names', () => {
    setMessages('ru', ru);
    expect(formatDateTime('2025-03-01T10:00:00Z')).toMatch(/мар/);
  });

  it('isolates names and amounts inside right-to-left messages, and only there', () => {
    setMessages('fa', fa);
    expect(formatMessage(faOrders['cart.checkout'], { total: '۴٫۵ TON' })).toBe(`ثبت سفارش · ${FSI}۴٫۵ TON${PDI}`);
    expect(t('cart.remove', { title: 'Bazaar Mug' })).toBe(`حذف ${FSI}Bazaar Mug${PDI}`);
    setMessages('en', en);
    expect(t('cart.remove', { title: 'Bazaar Mug' })).toBe('Remove Bazaar Mug');
  });
});

describe('Russian plurals', () => {
  it.each([
    [1, '1 товар'],
    [2, '2 товара'],
    [4, '4 товара'],
    [5, '5 товаров'],
    [11, '11 товаров'],
    [12, '12 товаров'],
    [21, '21 товар'],
    [22, '22 товара'],
    [25, '25 товаров'],
    [111, '111 товаров'],
    [1.5, '1,5 товара'],
  ])('%d → %s', (count, expected) => {
    setMessages('ru', ru);
    expect(formatMessage(ruOrders['orders.itemCount'], { count })).toBe(expected);
  });

  it('uses the few and many forms in the cart badge label too', () => {
    setMessages('ru', ru);
    expect(t('nav.cartWithCount', { count: 3 })).toBe('Корзина, 3 товара');
    expect(t('nav.cartWithCount', { count: 7 })).toBe('Корзина, 7 товаров');
  });
});
