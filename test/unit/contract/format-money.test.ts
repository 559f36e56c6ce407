import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoneyInLocale, MINOR_DIGITS, type MoneyCurrency } from '../../../contract/format-money';
import { InvalidAmountError } from '../../../contract/money';

describe('formatMoneyInLocale', () => {
  it.each([
    ['1250', 'USD', 'en', '$12.50'],
    ['1250', 'EUR', 'de', '12,50\u00a0€'],
    ['123456789', 'INR', 'hi', '₹12,34,567.89'],
    ['99', 'RUB', 'ru', '0,99\u00a0₽'],
    ['-5', 'USD', 'en', '-$0.05'],
    ['0', 'USD', 'en', '$0.00'],
    ['1000', 'TRY', 'tr', '₺10,00'],
    ['12250000', 'USDT', 'en', '12.25 USDT'],
    ['1', 'USDT', 'en', '0.000001 USDT'],
    ['1500000000', 'TON', 'fa', '۱٫۵ TON'],
  ] as const)('%s of %s in %s is %s', (amount, currency, locale, expected) => {
    expect(formatMoneyInLocale(amount, currency, locale)).toBe(expected);
  });

  it('shows rials as tomans when the last rial digit is 0, and as rials otherwise (nothing rounded away)', () => {
    expect(formatMoneyInLocale('1500000', 'IRR', 'fa')).toBe('۱۵۰٬۰۰۰ تومان');
    expect(formatMoneyInLocale('1500000', 'IRR', 'en')).toBe('150,000 toman');
    const rials = formatMoneyInLocale('1500005', 'IRR', 'fa');
    expect(rials).toContain('۱٬۵۰۰٬۰۰۵');
    expect(rials).toContain('ریال');
  });

  it('keeps every digit of an amount beyond float precision', () => {
    expect(formatMoneyInLocale('900719925474099312345', 'USD', 'en')).toBe('$9,007,199,254,740,993,123.45');
  });

  it('writes every minor digit of any amount, in every currency (no rounding, no float)', () => {
    const currencies = Object.keys(MINOR_DIGITS) as MoneyCurrency[];
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.constantFrom(...currencies), (amount, currency) => {
        const shown = formatMoneyInLocale(String(amount), currency, 'en').replace(/[^0-9]/g, '');
        const digits = MINOR_DIGITS[currency];
        if (currency === 'IRR' && amount % 10n === 0n) return shown === String(amount / 10n);
        // TON and USDT drop trailing fraction zeros; fiat writes all its minor digits.
        const expected = currency === 'TON' || currency === 'USDT' ? trimFraction(amount, digits) : String(amount).padStart(digits + 1, '0');
        return shown === expected;
      }),
    );
  });

  it.each(['', '1.5', 'abc', '1e9'])('refuses %j as not an integer amount', (bad) => {
    expect(() => formatMoneyInLocale(bad, 'USD', 'en')).toThrow(InvalidAmountError);
  });
});

/** The digits "1.5 TON" shows for 1500000000: whole part and the fraction without its trailing zeros. */
function trimFraction(amount: bigint, digits: number): string {
  const padded = String(amount).padStart(digits + 1, '0');
  const whole = padded.slice(0, -digits);
  const fraction = padded.slice(-digits).replace(/0+$/, '');
  return whole + fraction;
}
