import { InitDataMalformedError } from './errors';

/**
 * Parses a raw initData query string (`WebApp.initData`) into its decoded pairs, in the order received.
 *
 * Decoding follows `application/x-www-form-urlencoded`, as Telegram and URLSearchParams do: `+` is a
 * space, then percent-decoding as UTF-8. Stricter than URLSearchParams on purpose, because the signature
 * is over the decoded pairs and any ambiguity would let two readings of one string disagree:
 * - a key given twice is rejected (which value did Telegram sign?);
 * - a segment without `=`, an empty key, an empty segment or a malformed `%` escape is rejected.
 * The empty string parses to no pairs; callers reject it for lacking `hash`.
 *
 * @throws InitDataMalformedError
 */
export function parseInitData(initDataRaw: string): Map<string, string> {
  const fields = new Map<string, string>();
  if (initDataRaw === '') return fields;
  // Walked with indexOf rather than split('&') or URLSearchParams: fewer intermediate strings, and we
  // see duplicates. This loop is a measurable share of a verification (bench/init-data.bench.ts).
  for (let start = 0; start <= initDataRaw.length;) {
    let end = initDataRaw.indexOf('&', start);
    if (end === -1) end = initDataRaw.length;
    const equals = initDataRaw.indexOf('=', start);
    if (equals === -1 || equals >= end || equals === start) {
      throw new InitDataMalformedError(end === start ? 'it has an empty field' : 'it has a field without a name or value');
    }
    const key = decodeComponent(initDataRaw.slice(start, equals));
    if (fields.has(key)) {
      // The name comes from the request and ends up in the response: keep it short.
      const shown = key.length > 40 ? `${key.slice(0, 40)}…` : key;
      throw new InitDataMalformedError(`the field "${shown}" appears more than once`);
    }
    fields.set(key, decodeComponent(initDataRaw.slice(equals + 1, end)));
    start = end + 1;
  }
  return fields;
}

function decodeComponent(encoded: string): string {
  // Most values need no decoding at all, and few contain `+`: skip the work a value does not need.
  const plus = encoded.indexOf('+');
  if (plus === -1 && encoded.indexOf('%') === -1) return encoded;
  try {
    return decodeURIComponent(plus === -1 ? encoded : encoded.replaceAll('+', ' '));
  } catch {
    throw new InitDataMalformedError('it contains a broken percent-escape');
  }
}
