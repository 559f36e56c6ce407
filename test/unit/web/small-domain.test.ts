import { describe, expect, it } from 'vitest';
import { parseStartParam } from '../../../src/domain/deep-link';
import { formatCountdown, msUntil } from '../../../src/domain/time';
import { matchPath } from '../../../src/platform/router';
import { shortenAddress, tonConnectOptions } from '../../../src/platform/ton-connect';

describe('parseStartParam', () => {
  it('opens a product from `product_<slug>`', () => {
    expect(parseStartParam('product_cold-brew')).toEqual({ kind: 'product', slug: 'cold-brew' });
  });
  it('reads a slug typed in capitals as the same product', () => {
    expect(parseStartParam('product_Cold-Brew')).toEqual({ kind: 'product', slug: 'cold-brew' });
  });
  it('refuses a slug longer than the slug rule allows', () => {
    expect(parseStartParam(`product_${'a'.repeat(101)}`)).toBeNull();
  });
  it.each([null, undefined, '', 'product_', 'catalog', 'product_../admin', 'product_-x'])('ignores %j', (param) => {
    expect(parseStartParam(param)).toBeNull();
  });
});

describe('countdown', () => {
  const now = Date.parse('2026-11-23T09:00:00.000Z');
  it('counts the time left, never below zero', () => {
    expect(msUntil('2026-11-23T09:30:00.000Z', now)).toBe(30 * 60_000);
    expect(msUntil('2026-11-23T08:00:00.000Z', now)).toBe(0);
    expect(msUntil('not a date', now)).toBe(0);
  });
  it.each([
    [0, '0:00'],
    [1, '0:01'],
    [59_001, '1:00'],
    [29 * 60_000 + 41_000, '29:41'],
    [3_723_000, '1:02:03'],
  ])('shows %i ms as %s', (ms, text) => {
    expect(formatCountdown(ms)).toBe(text);
  });
});

describe('matchPath', () => {
  it('matches static and parameterised paths', () => {
    expect(matchPath('/', '/')).toEqual({});
    expect(matchPath('/cart', '/cart')).toEqual({});
    expect(matchPath('/cart', '/cart/')).toEqual({});
    expect(matchPath('/p/:slug', '/p/cold-brew')).toEqual({ slug: 'cold-brew' });
    expect(matchPath('/orders/:id', '/orders/a%20b')).toEqual({ id: 'a b' });
  });
  it('rejects other shapes and broken escapes', () => {
    expect(matchPath('/orders', '/orders/1')).toBeNull();
    expect(matchPath('/orders/:id', '/orders')).toBeNull();
    expect(matchPath('/p/:slug', '/q/cold-brew')).toBeNull();
    expect(matchPath('/p/:slug', '/p/%E0%A4%A')).toBeNull();
  });
});

describe('TON Connect options', () => {
  it('points at our manifest and turns analytics off', () => {
    expect(tonConnectOptions('https://shop.example')).toEqual({
      manifestUrl: 'https://shop.example/tonconnect-manifest.json',
      analytics: { mode: 'off' },
    });
  });
  it('shortens an address for display', () => {
    expect(shortenAddress('UQAbcdefghijklmnopqrstuvwxyz0123')).toBe('UQAb…0123');
    expect(shortenAddress('short')).toBe('short');
  });
});
