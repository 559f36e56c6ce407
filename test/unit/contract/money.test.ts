import { describe, expect, it } from 'vitest';
import { formatTon } from '../../../contract/format-ton';
import { InvalidAmountError, multiplyMinor, sumMinor } from '../../../contract/money';

describe('formatTon', () => {
  it.each([
    ['0', '0 TON'],
    ['1', '0.000000001 TON'],
    ['999999999', '0.999999999 TON'],
    ['1000000000', '1 TON'],
    ['1500000000', '1.5 TON'],
    ['1050000000', '1.05 TON'],
    ['12000000000', '12 TON'],
    ['1000000000000', '1,000 TON'],
    ['1234567890123456789', '1,234,567,890.123456789 TON'],
    ['000001500000000', '1.5 TON'],
    ['-2500000000', '-2.5 TON'],
    ['-0', '0 TON'],
  ])('formats %s nanoton as %s', (nano, expected) => {
    expect(formatTon(nano)).toBe(expected);
  });

  it('keeps every digit of amounts beyond float precision (2^53)', () => {
    expect(formatTon('9007199254740993000000001')).toBe('9,007,199,254,740,993.000000001 TON');
  });

  it('takes separators and unit from the caller (for other locales)', () => {
    expect(formatTon('1234500000000', { groupSeparator: '\u00a0', decimalSeparator: ',', unit: 'ТОН' })).toBe('1\u00a0234,5 ТОН');
    expect(formatTon('1500000000', { unit: '' })).toBe('1.5');
  });

  it.each(['', '1.5', 'abc', '1e9', ' 1', '0x10', '--1', '+1'])('rejects %j as not an integer amount', (bad) => {
    expect(() => formatTon(bad)).toThrow(InvalidAmountError);
  });
});

describe('sumMinor and multiplyMinor', () => {
  it('adds amounts exactly, as strings', () => {
    expect(sumMinor([])).toBe('0');
    expect(sumMinor(['1500000000', '2500000000', '1'])).toBe('4000000001');
    expect(sumMinor(['9007199254740993', '9007199254740993'])).toBe('18014398509481986');
  });

  it('multiplies a unit price by a quantity exactly', () => {
    expect(multiplyMinor('1500000000', 3)).toBe('4500000000');
    expect(multiplyMinor('9007199254740993', 2)).toBe('18014398509481986');
    expect(multiplyMinor('1500000000', 0)).toBe('0');
  });

  it('rejects malformed amounts and fractional quantities', () => {
    expect(() => sumMinor(['1', '2.5'])).toThrow(InvalidAmountError);
    expect(() => multiplyMinor('1', 1.5)).toThrow(InvalidAmountError);
  });
});
