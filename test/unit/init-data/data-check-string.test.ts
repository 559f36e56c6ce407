import { describe, expect, it } from 'vitest';
import { buildDataCheckString } from '../../../functions/core/init-data/data-check-string';

describe('buildDataCheckString', () => {
  it('sorts the pairs by key and joins them as key=value lines, leaving out the excluded keys', () => {
    const fields = new Map([
      ['user', '{"id":1}'],
      ['hash', 'abc'],
      ['auth_date', '1'],
      ['signature', 'sig'],
    ]);
    expect(buildDataCheckString(fields, ['hash'])).toBe('auth_date=1\nsignature=sig\nuser={"id":1}');
    expect(buildDataCheckString(fields, ['hash', 'signature'])).toBe('auth_date=1\nuser={"id":1}');
  });

  it('sorts by code unit, not by locale: capitals before lower case, "_" after them', () => {
    const fields: [string, string][] = [
      ['b', '1'],
      ['a_b', '2'],
      ['aB', '3'],
      ['a', '4'],
    ];
    expect(buildDataCheckString(fields, [])).toBe('a=4\naB=3\na_b=2\nb=1');
  });

  it('sorts long lists too (more fields than Telegram ever sends)', () => {
    const keys = Array.from({ length: 40 }, (_, i) => `k${String(i).padStart(2, '0')}`);
    const fields = [...keys].reverse().map((key) => [key, key] as [string, string]);
    expect(buildDataCheckString(fields, [])).toBe(keys.map((key) => `${key}=${key}`).join('\n'));
  });

  it('gives the empty string for no pairs', () => {
    expect(buildDataCheckString([], [])).toBe('');
  });
});
