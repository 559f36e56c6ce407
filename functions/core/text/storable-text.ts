import { z } from 'zod';
import { DomainError } from '../domain-error';

// The one rule for text the shop takes in. PostgreSQL cannot store U+0000 in `text` ("invalid byte
// sequence for encoding UTF8: 0x00") nor in `jsonb` ("unsupported Unicode escape sequence"), and a lone
// UTF-16 surrogate is not a character at all: UTF-8 cannot encode it, so drivers silently write U+FFFD
// into `text` and `jsonb` refuses its `\ud800` escape. Everything else (emoji, RTL scripts, other
// control characters) is text like any other.

/** The stable code of a refused string (docs/api.md, "Text"). */
export const TEXT_INVALID = 'TEXT_INVALID';
export const TEXT_INVALID_MESSAGE = 'must not contain U+0000 (NUL) or an unpaired UTF-16 surrogate';

// Without the `u` flag a regex sees UTF-16 code units, which is what lets it see an unpaired half.
const UNSTORABLE_SOURCE = '\\u0000|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';
const UNSTORABLE = new RegExp(UNSTORABLE_SOURCE);
const UNSTORABLE_ALL = new RegExp(UNSTORABLE_SOURCE, 'g');

/** Whether PostgreSQL can store `text` as it is: no U+0000, no unpaired surrogate. */
export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/** `text` with each U+0000 and unpaired surrogate replaced by U+FFFD, for text the shop must take as it comes. */
export function sanitizeText(text: string): string {
  return isStorableText(text) ? text : text.replace(UNSTORABLE_ALL, '\uFFFD');
}

/**
 * Where in a parsed JSON value (object keys included) the first unstorable string is, as a path
 * (`["items", 0, "title"]`), or null when there is none.
 */
export function findUnstorableText(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === 'string') return isStorableText(value) ? null : path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (!isStorableText(key)) return [...path, key];
      const found = findUnstorableText(inner, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/** A parsed JSON value with every string (and object key) passed through {@link sanitizeText}. */
export function sanitizeJsonText(value: unknown): unknown {
  if (typeof value === 'string') return sanitizeText(value);
  if (Array.isArray(value)) return value.map(sanitizeJsonText);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [sanitizeText(key), sanitizeJsonText(inner)]));
  }
  return value;
}

/** Text refused by the rule; `where` names the field or part of the request (`title`, `the query`). */
export class TextInvalidError extends DomainError {
  constructor(where: string) {
    super('invalid', TEXT_INVALID, `${where}: ${TEXT_INVALID_MESSAGE}`);
  }
}

// One check object, shared by every text schema. `abort` stops the checks after it (trim, regex, length),
// so a refused string gets this one message, not a pattern's.
const storableCheck = z.refine<string>(isStorableText, { message: TEXT_INVALID_MESSAGE, abort: true, params: { code: TEXT_INVALID } });

/**
 * A string schema that obeys the text rule: what every schema for text input starts from (bodies,
 * queries, import rows), then narrows with `.trim()`, `.max()`, `.regex()` as usual.
 */
export function text(params?: string | { error?: string }) {
  return z.string(params).check(storableCheck);
}

/** Whether a zod issue (or one nested in a union's) is the text rule's. */
export function isTextInvalidIssue(issue: z.core.$ZodIssue): boolean {
  if (issue.code === 'custom') return (issue.params as { code?: unknown } | undefined)?.code === TEXT_INVALID;
  if (issue.code === 'invalid_union') return issue.errors.some((branch) => branch.some(isTextInvalidIssue));
  return false;
}
