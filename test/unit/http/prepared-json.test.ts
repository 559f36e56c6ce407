import { describe, expect, it } from 'vitest';
import { acceptsGzip } from '../../../functions/http/prepared-json';

describe('acceptsGzip', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['gzip', true],
    ['gzip, deflate, br', true],
    ['br;q=1.0, gzip;q=0.8', true],
    ['GZIP', true],
    ['gzip;q=0', false],
    ['br', false],
    ['identity', false],
    ['*', true],
    ['*;q=0', false],
    ['*, gzip;q=0', false],
    ['gzip;q=0, *', false],
  ])('Accept-Encoding %j → %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});
