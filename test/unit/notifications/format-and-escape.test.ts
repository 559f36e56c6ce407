import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../functions/core/notifications/escape-html';
import { formatTon } from '../../../contract/format-ton';
import { pickLocale } from '../../../functions/core/notifications/locale';

describe('formatTon', () => {
  it.each([
    [0n, '0 TON'],
    [1n, '0.000000001 TON'],
    [1_000_000_000n, '1 TON'],
    [1_500_000_000n, '1.5 TON'],
    [300_000_000n, '0.3 TON'],
    [100_000_000n + 200_000_000n, '0.3 TON'],
    [1_234_000_000_000n, '1,234 TON'],
    [1_234_567_890_123_456_789n, '1,234,567,890.123456789 TON'],
    // Above 2^53 nanotons a float would already be off.
    [9_007_199_254_740_993n, '9,007,199.254740993 TON'],
    [-2_500_000_000n, '-2.5 TON'],
  ])('formats %s nanotons as %s', (nano, expected) => {
    expect(formatTon(nano)).toBe(expected);
  });
});

describe('escapeHtml', () => {
  it.each([
    ['plain text', 'plain text'],
    ['Tom & Jerry', 'Tom &amp; Jerry'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['a "quoted" name', 'a &quot;quoted&quot; name'],
    ['&amp; already', '&amp;amp; already'],
    ['چای سبز', 'چای سبز'],
  ])('escapes %j', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });
});

describe('pickLocale', () => {
  it.each([
    ['en', 'en'],
    ['ru', 'ru'],
    ['ru-RU', 'ru'],
    ['FA', 'fa'],
    ['fa-IR', 'fa'],
    ['hi_IN', 'hi'],
    ['de', 'en'],
    ['', 'en'],
    [null, 'en'],
    [undefined, 'en'],
  ])('reads %j as %s', (code, expected) => {
    expect(pickLocale(code)).toBe(expected);
  });
});
