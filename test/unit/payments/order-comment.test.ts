import { describe, expect, it } from 'vitest';
import { orderComment, parseOrderComment } from '../../../functions/core/payments/order-comment';

describe('orderComment', () => {
  it('names the order by its code after the bz: prefix', () => {
    expect(orderComment('ABCD2345')).toBe('bz:ABCD2345');
  });
});

describe('parseOrderComment', () => {
  it.each([
    ['bz:ABCD2345', 'ABCD2345'],
    ['BZ:abcd2345', 'ABCD2345'],
    ['  bz:ABCD2345 \n', 'ABCD2345'],
    ['bz: ABCD2345', 'ABCD2345'],
  ])('reads %j as order %s', (comment, code) => {
    expect(parseOrderComment(comment)).toBe(code);
  });

  it.each([null, undefined, '', 'ABCD2345', 'bz:', 'bz:ABCD234', 'bz:ABCD23456', 'bz:ABCD234O', 'order bz:ABCD2345', 'thanks!'])(
    'does not take %j for an order comment',
    (comment) => {
      expect(parseOrderComment(comment)).toBeNull();
    },
  );

  it('reads back what orderComment wrote', () => {
    expect(parseOrderComment(orderComment('Z9Y8X7W6'))).toBe('Z9Y8X7W6');
  });
});
