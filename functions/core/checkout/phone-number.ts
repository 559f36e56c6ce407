import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

/** Why a phone number was refused, for the field's error in the customer's language. */
export type PhoneProblem = 'phone_missing' | 'phone_invalid';

/**
 * A phone number as a person types it, in E.164 (`+989121234567`), or the problem. Latin, Persian
 * (۰–۹) and Arabic-Indic (٠–٩) digits, spaces, dashes and brackets are all read; a national number
 * (`0912…`, `8 916 …`) needs the country it is from (the address's, or the shop's).
 * libphonenumber-js (Google's metadata) knows each country's numbering plan.
 */
export function normalizePhoneNumber(input: string, country?: string): { ok: true; e164: string } | { ok: false; problem: PhoneProblem } {
  const text = input.trim();
  if (text === '') return { ok: false, problem: 'phone_missing' };
  const parsed = parsePhoneNumberFromString(text, isCountryCode(country) ? country : undefined);
  if (!parsed || !parsed.isValid()) return { ok: false, problem: 'phone_invalid' };
  return { ok: true, e164: parsed.number };
}

function isCountryCode(country: string | undefined): country is CountryCode {
  return country !== undefined && /^[A-Z]{2}$/.test(country);
}
