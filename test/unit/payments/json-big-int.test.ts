import { describe, expect, it } from 'vitest';
import { parseJsonKeepingBigInts } from '../../../functions/adapters/ton/json-big-int';

describe('parseJsonKeepingBigInts', () => {
  it('turns integers too long for a double into strings, exactly', () => {
    expect(parseJsonKeepingBigInts('{"value":9007199254740993,"lt":-12345678901234567,"n":[1234567890123456]}')).toEqual({
      value: '9007199254740993',
      lt: '-12345678901234567',
      n: ['1234567890123456'],
    });
  });

  it('leaves short numbers, decimals and exponents as numbers', () => {
    expect(parseJsonKeepingBigInts('{"a":123456789012345,"b":1.5,"c":1e21,"d":-7,"e":true,"f":null}')).toEqual({
      a: 123456789012345,
      b: 1.5,
      c: 1e21,
      d: -7,
      e: true,
      f: null,
    });
  });

  it('never touches digits inside strings, escaped quotes included', () => {
    const text = '{"comment":"pay: 12345678901234567, \\"x\\": 99999999999999999}","v":1}';
    expect(parseJsonKeepingBigInts(text)).toEqual({ comment: 'pay: 12345678901234567, "x": 99999999999999999}', v: 1 });
  });

  it('rejects what is not JSON', () => {
    expect(() => parseJsonKeepingBigInts('<html>')).toThrow(SyntaxError);
  });
});
