import { describe, expect, it } from 'vitest';
import { formatDecimalInput, parseDecimalInput } from '../../../src/features/admin/common/decimal-amount';

describe('parseDecimalInput', () => {
  it.each([
    ['12.25', 6, 'USDT', '12250000'],
    ['0,000001', 6, 'USDT', '1'],
    ['9 USDT', 6, 'USDT', '9000000'],
    ['1 234.5 usdt', 6, 'USDT', '1234500000'],
    ['0.3', 6, 'USDT', '300000'],
    ['.5', 6, 'USDT', '500000'],
    ['1.5', 9, 'TON', '1500000000'],
    ['9007199.254740993', 9, 'TON', '9007199254740993'],
    ['0', 6, 'USDT', '0'],
    // What a Persian or Arabic keyboard types: its own digits, its decimal sign and thousands sign.
    ['۱۲٫۵', 2, 'USD', '1250'],
    ['۱۲۵٬۰۰۰', 0, 'IRR', '125000'],
    ['١٢,٢٥', 6, 'USDT', '12250000'],
    ['۰٫۰۰۰۰۰۱ USDT', 6, 'USDT', '1'],
  ])('reads %j with %i decimals (%s) as %s', (text, digits, unit, minor) => {
    expect(parseDecimalInput(text, digits, unit)).toEqual({ ok: true, minor });
  });

  it.each([
    ['', 'empty'],
    ['USDT', 'empty'],
    ['.', 'format'],
    ['1.2.3', 'format'],
    ['-1', 'format'],
    ['1e6', 'format'],
    ['5 TON', 'format'],
    // A seventh decimal is no micro-USDT: refused, never rounded.
    ['0.0000001', 'tooPrecise'],
    ['۰٫۰۰۰۰۰۰۱', 'tooPrecise'],
    ['1'.repeat(31), 'tooLarge'],
  ])('refuses %j as USDT: %s', (text, error) => {
    expect(parseDecimalInput(text, 6, 'USDT')).toEqual({ ok: false, error });
  });
});

describe('formatDecimalInput', () => {
  it.each([
    ['12250000', 6, '12.25'],
    ['1', 6, '0.000001'],
    ['36000000', 6, '36'],
    ['1500000000', 9, '1.5'],
    ['0', 6, '0'],
  ])('writes %s with %i decimals as %j, which reads back the same', (minor, digits, text) => {
    expect(formatDecimalInput(minor, digits)).toBe(text);
    expect(parseDecimalInput(text, digits, 'USDT')).toEqual({ ok: true, minor });
  });
});
