import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { findUnstorableText, isStorableText, isTextInvalidIssue, sanitizeJsonText, sanitizeText, text } from '../../../functions/core/text/storable-text';

const HIGH = '\uD83D'; // the first half of 😀 (U+1F600 is \uD83D\uDE00)
const LOW = '\uDE00';

describe('the text rule', () => {
  it.each([
    ['U+0000 alone', '\u0000'],
    ['U+0000 inside a word', 'Cold\u0000brew'],
    ['U+0000 at the end', 'Cold brew\u0000'],
    ['a lone high surrogate', HIGH],
    ['a lone high surrogate before a letter', `${HIGH}a`],
    ['a lone high surrogate at the end', `Tea ${HIGH}`],
    ['a lone low surrogate', LOW],
    ['a lone low surrogate after a letter', `a${LOW}`],
    ['two high surrogates in a row', `${HIGH}${HIGH}${LOW}`],
    ['a low surrogate before its high one', `${LOW}${HIGH}`],
    ['a pair followed by a lone low surrogate', `😀${LOW}`],
  ])('refuses %s', (_, value) => {
    expect(isStorableText(value)).toBe(false);
    expect(text().safeParse(value).success).toBe(false);
  });

  it.each([
    ['the empty string', ''],
    ['plain ASCII', 'Cold brew, 1 l'],
    ['an emoji (a surrogate pair)', '😀'],
    ['emoji with a skin tone and a joiner', '👩🏽‍💻 💎 1.5'],
    ['a flag (two astral characters)', '🇮🇷'],
    ['Persian text with a zero-width non-joiner', 'قهوه‌ی سرد'],
    ['Hindi', 'मसाला चाय'],
    ['Russian', 'Колд брю'],
    ['an astral CJK character', '𠀋'],
    ['other control characters PostgreSQL stores', 'tab\there\r\nbell\u0007 del\u007f'],
    ['U+FFFD itself', '\uFFFD'],
    ['the highest code point', '\u{10FFFF}'],
  ])('lets %s through', (_, value) => {
    expect(isStorableText(value)).toBe(true);
    expect(text().parse(value)).toBe(value);
  });

  it('refuses with its own issue, marked TEXT_INVALID, before any later check runs', () => {
    const slug = text()
      .trim()
      .regex(/^[a-z]+$/);
    const result = slug.safeParse('tea\u0000');
    expect(result.success).toBe(false);
    expect(result.error!.issues).toHaveLength(1);
    expect(isTextInvalidIssue(result.error!.issues[0]!)).toBe(true);
  });

  it('is found inside a union, where a string may also be a number', () => {
    const amount = z.union([text(), z.number()]);
    const issues = amount.safeParse(`1${HIGH}`).error!.issues;
    expect(issues.some(isTextInvalidIssue)).toBe(true);
    expect(z.string().regex(/^a$/).safeParse('b').error!.issues.some(isTextInvalidIssue)).toBe(false);
  });

  it.each([
    ['U+0000', 'a\u0000b', 'a\uFFFDb'],
    ['a lone high surrogate', `a${HIGH}b`, 'a\uFFFDb'],
    ['a lone low surrogate', `${LOW}b`, '\uFFFDb'],
    ['several of them', `\u0000${HIGH}${LOW}\u0000`, '\uFFFD😀\uFFFD'],
    ['nothing to replace', 'قهوه 😀', 'قهوه 😀'],
  ])('sanitizes %s into U+FFFD and keeps the rest', (_, value, sanitized) => {
    expect(sanitizeText(value)).toBe(sanitized);
    expect(isStorableText(sanitizeText(value))).toBe(true);
  });

  it('finds the path of the first unstorable string in JSON, keys included', () => {
    expect(findUnstorableText({ items: [{ title: 'ok' }, { title: `x${HIGH}` }] })).toEqual(['items', 1, 'title']);
    expect(findUnstorableText({ ok: 1, ['bad\u0000key']: 'fine' })).toEqual(['bad\u0000key']);
    expect(findUnstorableText('\u0000')).toEqual([]);
    expect(findUnstorableText({ title: '😀', n: 1, none: null, list: [true, 'قهوه'] })).toBeNull();
  });

  it('sanitizes every string and key of a JSON value', () => {
    expect(sanitizeJsonText({ ['k\u0000']: [`a${LOW}`, 1, null, { t: 'ok' }] })).toEqual({ 'k\uFFFD': ['a\uFFFD', 1, null, { t: 'ok' }] });
  });
});
