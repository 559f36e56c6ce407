import { describe, expect, it } from 'vitest';
import { formatTonInput, parseTonInput } from '../../../src/features/admin/common/ton-amount';

describe('parseTonInput', () => {
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
    expect(parseTonInput(text)).toEqual({ ok: true, nano });
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
    expect(parseTonInput('123456789012345678.123456789')).toEqual({ ok: true, nano: '123456789012345678123456789' });
  });
});

describe('formatTonInput', () => {
  it.each([
    ['1500000000', '1.5'],
    ['1234000000000', '1234'],
    ['1', '0.000000001'],
    ['0', '0'],
  ])('shows %s nanotons as %j, ready to edit', (nano, text) => {
    expect(formatTonInput(nano)).toBe(text);
  });

  it('round-trips through parseTonInput', () => {
    for (const nano of ['1', '999999999', '1000000000', '123456789012345678901']) {
      expect(parseTonInput(formatTonInput(nano))).toEqual({ ok: true, nano });
    }
  });
});
