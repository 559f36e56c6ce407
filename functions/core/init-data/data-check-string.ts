/**
 * Telegram's data-check-string: the pairs whose key is not in `excludedKeys`, sorted by key, written as
 * `key=value` and joined by a line feed. Used by the Mini App hash, the Ed25519 signature and the Login
 * Widget hash alike: core.telegram.org/bots/webapps#validating-data-received-via-the-mini-app.
 *
 * Keys are compared by UTF-16 code unit (`<`), not `localeCompare`: Telegram's keys are ASCII and the
 * order must not depend on the server's locale.
 */
export function buildDataCheckString(fields: Iterable<readonly [string, string]>, excludedKeys: readonly string[]): string {
  const pairs: (readonly [string, string])[] = [];
  for (const pair of fields) if (!excludedKeys.includes(pair[0])) pairs.push(pair);
  sortByKey(pairs);
  let text = '';
  for (let i = 0; i < pairs.length; i++) {
    const [key, value] = pairs[i]!;
    text += (i === 0 ? '' : '\n') + key + '=' + value;
  }
  return text;
}

/** Longest list sorted by insertion; longer ones (never seen from Telegram) go to Array.prototype.sort. */
const INSERTION_SORT_MAX = 16;

function sortByKey(pairs: (readonly [string, string])[]): void {
  if (pairs.length > INSERTION_SORT_MAX) {
    // O(n log n) for anything an attacker might send: this runs before the signature is checked.
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return;
  }
  // initData has about six fields; insertion sort halves the cost of sort() with a callback here.
  for (let i = 1; i < pairs.length; i++) {
    const pair = pairs[i]!;
    let j = i;
    for (; j > 0 && pairs[j - 1]![0] > pair[0]; j--) pairs[j] = pairs[j - 1]!;
    pairs[j] = pair;
  }
}
