import { describe, expect, it } from 'vitest';
import { InitDataMalformedError } from '../../../functions/core/init-data/errors';
import { parseInitData } from '../../../functions/core/init-data/parse-init-data';

describe('parseInitData', () => {
  it('decodes percent-escapes as UTF-8 and keeps the order received', () => {
    const fields = parseInitData('b=%F0%9F%9B%8D%EF%B8%8F&a=caf%C3%A9&c=x%3Dy%26z');
    expect([...fields]).toEqual([
      ['b', '🛍️'],
      ['a', 'café'],
      ['c', 'x=y&z'],
    ]);
  });

  it('reads "+" as a space, and "%2B" as a plus', () => {
    expect(parseInitData('name=Ada+Lovelace&sum=1%2B1').get('name')).toBe('Ada Lovelace');
    expect(parseInitData('sum=1%2B1').get('sum')).toBe('1+1');
  });

  it('keeps everything after the first "=" as the value', () => {
    expect(parseInitData('foo=bar=baz').get('foo')).toBe('bar=baz');
  });

  it('decodes keys too', () => {
    expect([...parseInitData('start%5Fparam=x').keys()]).toEqual(['start_param']);
  });

  it('reads an empty value as an empty string', () => {
    expect(parseInitData('a=&b=1').get('a')).toBe('');
  });

  it('reads the empty string as no fields', () => {
    expect(parseInitData('').size).toBe(0);
  });

  it.each([
    ['a key given twice', 'a=1&b=2&a=1', 'the field "a" appears more than once'],
    ['a key given twice in two spellings', 'a_b=1&a%5Fb=1', 'the field "a_b" appears more than once'],
    ['a field without "="', 'test&foo=bar', 'it has a field without a name or value'],
    ['a field without a name', '=1&a=2', 'it has a field without a name or value'],
    ['an empty field in the middle', 'a=1&&b=2', 'it has an empty field'],
    ['a trailing "&"', 'a=1&', 'it has an empty field'],
    ['a broken percent-escape', 'a=%E0%A4%A', 'it contains a broken percent-escape'],
    ['a percent-escape of invalid UTF-8', 'a=%C3%28', 'it contains a broken percent-escape'],
  ])('rejects %s', (_case, raw, problem) => {
    expect(() => parseInitData(raw)).toThrow(InitDataMalformedError);
    expect(() => parseInitData(raw)).toThrow(expect.objectContaining({ problem }));
  });

  it('shortens a long repeated field name before putting it in the message', () => {
    const key = 'k'.repeat(500);
    expect(() => parseInitData(`${key}=1&${key}=2`)).toThrow(expect.objectContaining({ problem: `the field "${'k'.repeat(40)}…" appears more than once` }));
  });
});
