import { describe, expect, it } from 'vitest';
import { exampleAmount, formatMoneyInput, parseMoneyInput } from '../../../src/features/admin/common/money-input';

const parseTonInput = (text: string) => parseMoneyInput(text, 'TON');
const formatTonInput = (nano: string) => formatMoneyInput(nano, 'TON');

describe('parseMoneyInput in a TON shop: nanotons, 9 decimals', () => {
  it.each([
    ['1.5', '1500000000'],
    ['1', '1000000000'],
    ['0.3', '300000000'],
    ['.5', '500000000'],
    ['2.', '2000000000'],
    ['0,25', '250000000'],
    [' 12.000000001 ', '12000000001'],
    ['1 234.5', '1234500000000'],
    ['7 TON', '7000000000'],
    ['0', '0'],
    ['000.100', '100000000'],
    ['9007199.254740993', '9007199254740993'],
  ])('reads %j as %s nanotons', (text, nano) => {
    expect(parseTonInput(text)).toEqual({ ok: true, minor: nano });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['.', 'format'],
    ['abc', 'format'],
    ['1.2.3', 'format'],
    ['-1', 'format'],
    ['1e9', 'format'],
    ['0.0000000001', 'tooPrecise'],
    ['1'.repeat(31), 'tooLarge'],
  ])('refuses %j as %s', (text, error) => {
    expect(parseTonInput(text)).toEqual({ ok: false, error });
  });

  it('keeps every digit of amounts far beyond a float’s precision', () => {
    expect(parseTonInput('123456789012345678.123456789')).toEqual({ ok: true, minor: '123456789012345678123456789' });
  });
});

describe('formatMoneyInput in a TON shop', () => {
  it.each([
    ['1500000000', '1.5'],
    ['1234000000000', '1234'],
    ['1', '0.000000001'],
    ['0', '0'],
  ])('shows %s nanotons as %j, ready to edit', (nano, text) => {
    expect(formatTonInput(nano)).toBe(text);
  });

  it('round-trips through parseMoneyInput', () => {
    for (const nano of ['1', '999999999', '1000000000', '123456789012345678901']) {
      expect(parseTonInput(formatTonInput(nano))).toEqual({ ok: true, minor: nano });
    }
  });
});

describe('parseMoneyInput in a fiat shop: as many decimals as the currency has', () => {
  it.each([
    ['12.5', 'USD', '1250'],
    ['12,50', 'EUR', '1250'],
    ['0.01', 'USD', '1'],
    ['12 USD', 'USD', '1200'],
    ['1 250 000', 'IRR', '1250000'],
    ['99.9', 'INR', '9990'],
  ] as const)('reads %j in %s as %s minor units', (text, currency, minor) => {
    expect(parseMoneyInput(text, currency)).toEqual({ ok: true, minor });
  });

  it.each([
    ['12.505', 'USD'],
    ['0.001', 'RUB'],
    ['1250.5', 'IRR'],
  ] as const)('refuses %j in %s: more decimals than the currency has, never rounded', (text, currency) => {
    expect(parseMoneyInput(text, currency)).toEqual({ ok: false, error: 'tooPrecise' });
  });

  it('shows cents and rials ready to edit, and reads them back', () => {
    expect(formatMoneyInput('1250', 'USD')).toBe('12.5');
    expect(formatMoneyInput('1205', 'USD')).toBe('12.05');
    expect(formatMoneyInput('1250000', 'IRR')).toBe('1250000');
    for (const minor of ['1', '1250', '100000000']) expect(parseMoneyInput(formatMoneyInput(minor, 'USD'), 'USD')).toEqual({ ok: true, minor });
  });
});

describe('the example beside a price field', () => {
  it('is an amount the currency can hold, in the locale digits', () => {
    expect(exampleAmount('USD', 'en')).toBe('12.5');
    expect(exampleAmount('IRR', 'en')).toBe('250000');
    expect(exampleAmount('IRR', 'fa')).toBe('۲۵۰۰۰۰');
    expect(exampleAmount('TON', 'ru')).toBe('1,5');
    // Each example parses back in its own currency: a field never suggests what it would refuse.
    for (const currency of ['TON', 'USDT', 'USD', 'EUR', 'RUB', 'INR', 'AED', 'TRY', 'IRR'] as const)
      for (const locale of ['en', 'ru', 'fa', 'hi']) expect(parseMoneyInput(exampleAmount(currency, locale), currency).ok).toBe(true);
  });
});
