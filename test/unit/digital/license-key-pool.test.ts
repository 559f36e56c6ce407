import { describe, expect, it } from 'vitest';
import {
  isKeyPoolLow,
  keysCoverOrder,
  keyStatusesFor,
  LICENSE_KEY_STATUSES,
  LOW_KEY_POOL_THRESHOLD,
  MAX_KEYS_PER_UPLOAD,
  MAX_LICENSE_KEY_LENGTH,
  nextKeyStatus,
  parseLicenseKeys,
  type LicenseKeyEvent,
  type LicenseKeyStatus,
} from '../../../functions/core/digital/license-key-pool';

describe('a license key’s life', () => {
  it.each<[LicenseKeyStatus, LicenseKeyEvent, LicenseKeyStatus | null]>([
    ['available', 'reserve', 'reserved'],
    ['available', 'sell', null],
    ['available', 'release', null],
    ['available', 'revoke', null],
    ['reserved', 'release', 'available'],
    ['reserved', 'sell', 'sold'],
    ['reserved', 'revoke', 'revoked'],
    ['reserved', 'reserve', null],
    ['sold', 'revoke', 'revoked'],
    // A key the customer has seen never goes back to the pool.
    ['sold', 'release', null],
    ['sold', 'reserve', null],
    ['revoked', 'release', null],
    ['revoked', 'reserve', null],
    ['revoked', 'sell', null],
  ])('%s on %s → %s', (status, event, next) => {
    expect(nextKeyStatus(status, event)).toBe(next);
  });

  it('moves into the pool only from a reservation, and out of circulation for good once revoked', () => {
    expect(keyStatusesFor('release')).toEqual(['reserved']);
    expect(keyStatusesFor('reserve')).toEqual(['available']);
    expect(keyStatusesFor('revoke')).toEqual(['reserved', 'sold']);
    for (const event of ['reserve', 'release', 'sell', 'revoke'] as const) expect(nextKeyStatus('revoked', event)).toBeNull();
    expect(LICENSE_KEY_STATUSES.filter((s) => nextKeyStatus(s, 'release') === 'available')).toEqual(['reserved']);
  });
});

describe('a pool running low', () => {
  it.each([
    [0, true],
    [LOW_KEY_POOL_THRESHOLD, true],
    [LOW_KEY_POOL_THRESHOLD + 1, false],
    [500, false],
  ])('%i keys left → low: %s', (available, low) => {
    expect(isKeyPoolLow(available)).toBe(low);
  });
});

describe('pasted keys', () => {
  it('are one a line, trimmed, blank lines dropped, a repeat kept once', () => {
    expect(parseLicenseKeys('  AAAA-1 \r\nBBBB-2\n\n\tCCCC-3\rAAAA-1\n')).toEqual({ keys: ['AAAA-1', 'BBBB-2', 'CCCC-3'], repeated: 1 });
  });

  it.each([
    ['nothing but blank lines', '\n \n\t\n'],
    ['a line longer than the limit', `OK\n${'x'.repeat(MAX_LICENSE_KEY_LENGTH + 1)}`],
    ['more keys than one upload takes', Array.from({ length: MAX_KEYS_PER_UPLOAD + 1 }, (_, i) => `K${i}`).join('\n')],
  ])('are refused with LICENSE_KEYS_INVALID for %s', (_name, text) => {
    expect(() => parseLicenseKeys(text)).toThrow(expect.objectContaining({ code: 'LICENSE_KEYS_INVALID', kind: 'invalid' }));
  });

  it('count a key of the longest length, in characters not bytes', () => {
    expect(parseLicenseKeys('ключ'.repeat(MAX_LICENSE_KEY_LENGTH / 4)).keys).toHaveLength(1);
  });
});

describe('keys taken for an order', () => {
  it('cover it only when every key-backed line got exactly its quantity', () => {
    const wanted = new Map([
      ['v1', 2],
      ['v2', 1],
    ]);
    expect(keysCoverOrder(wanted, new Map(wanted))).toBe(true);
    expect(keysCoverOrder(wanted, new Map([['v1', 2]]))).toBe(false);
    expect(
      keysCoverOrder(
        wanted,
        new Map([
          ['v1', 1],
          ['v2', 1],
        ]),
      ),
    ).toBe(false);
    expect(keysCoverOrder(new Map(), new Map())).toBe(true);
  });
});
