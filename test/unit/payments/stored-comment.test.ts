import { describe, expect, it } from 'vitest';
import { storeComment } from '../../../functions/core/payments/stored-comment';

describe('storeComment', () => {
  it.each([
    ['keeps ordinary text as it is', 'bz:ABCD2345', 'bz:ABCD2345'],
    ['keeps Persian, emoji and spaces', 'سفارش ☕ bz:ABCD2345', 'سفارش ☕ bz:ABCD2345'],
    ['removes U+0000, which PostgreSQL text refuses', 'bz:\u0000ABCD', 'bz:ABCD'],
    ['removes other C0 and C1 controls and DEL', 'a\u0007b\u001bc\u007fd\u009fe\n', 'abcde'],
    ['replaces a lone high surrogate', 'x\uD800y', 'x\uFFFDy'],
    ['replaces a lone low surrogate', 'x\uDC00y', 'x\uFFFDy'],
  ])('%s', (_name, input, display) => {
    expect(storeComment(input)?.display).toBe(display);
  });

  it('keeps the exact bytes, control characters included, as hex', () => {
    expect(storeComment('a\u0000b')?.rawHex).toBe('610062');
    expect(storeComment('☕')?.rawHex).toBe('e29895');
  });

  it('stores no comment as none', () => {
    expect(storeComment(null)).toBeNull();
  });
});
