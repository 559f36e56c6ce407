import { describe, expect, it } from 'vitest';
import { normalizePhoneNumber } from '../../../functions/core/checkout/phone-number';

describe('normalizePhoneNumber', () => {
  it.each([
    ['a national Iranian mobile in Persian digits', '۰۹۱۲ ۱۲۳ ۴۵۶۷', 'IR', '+989121234567'],
    ['the same in Arabic-Indic digits', '٠٩١٢١٢٣٤٥٦٧', 'IR', '+989121234567'],
    ['the same in Latin digits with dashes', '0912-123-4567', 'IR', '+989121234567'],
    ['an international number needs no country', '+98 912 123 4567', undefined, '+989121234567'],
    ['a Russian number with the trunk 8 and brackets', '8 (916) 123-45-67', 'RU', '+79161234567'],
    ['an Indian mobile', '098765 43210', 'IN', '+919876543210'],
    ['a German number', '030 1234567', 'DE', '+49301234567'],
  ])('reads %s as E.164', (_name, input, country, e164) => {
    expect(normalizePhoneNumber(input, country)).toEqual({ ok: true, e164 });
  });

  it.each([
    ['an empty field', '  ', 'IR', 'phone_missing'],
    ['too few digits', '12', 'IR', 'phone_invalid'],
    ['letters', 'call me', 'IR', 'phone_invalid'],
    ['a national number without a country', '09121234567', undefined, 'phone_invalid'],
  ])('refuses %s', (_name, input, country, problem) => {
    expect(normalizePhoneNumber(input, country)).toEqual({ ok: false, problem });
  });
});
