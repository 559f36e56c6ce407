import { describe, expect, it } from 'vitest';
import { isNumericMessengerId, messengerIdOf } from '../../../functions/core/messenger/messenger-id';

describe('messenger ids', () => {
  it('keep a number as its decimal text and a text id as it is', () => {
    expect(messengerIdOf(123456789)).toBe('123456789');
    expect(messengerIdOf(-1001234567890)).toBe('-1001234567890');
    expect(messengerIdOf('u_7f3a9c2e')).toBe('u_7f3a9c2e');
  });

  it.each([
    ['42', true],
    ['-1001234567890', true],
    [String(Number.MAX_SAFE_INTEGER), true],
    ['9007199254740993', false], // past 2^53: a JSON number would change it
    ['042', false], // a leading zero would be lost
    ['-0', false],
    ['', false],
    ['u_42', false],
    ['4.2', false],
    ['1e5', false],
  ])('call %j a plain integer for the wire: %s', (id, numeric) => {
    expect(isNumericMessengerId(id)).toBe(numeric);
  });
});
