import { describe, expect, it } from 'vitest';
import { ResourceCache } from '../../../src/platform/resource-cache';

const deferred = <T>() => {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
};

describe('ResourceCache', () => {
  it('runs one request per key at a time and notifies subscribers', async () => {
    const cache = new ResourceCache();
    const pending = deferred<string>();
    let calls = 0;
    const seen: boolean[] = [];
    cache.subscribe('k', () => seen.push(cache.get('k').loading));
    const first = cache.load('k', () => (calls++, pending.promise));
    const second = cache.load('k', () => (calls++, pending.promise));
    expect(calls).toBe(1);
    pending.resolve('data');
    await Promise.all([first, second]);
    expect(cache.get('k')).toMatchObject({ data: 'data', loading: false });
    expect(seen).toEqual([true, false]);
  });

  it('keeps the last good data when a refresh fails', async () => {
    const cache = new ResourceCache();
    await cache.load('k', async () => 'v1');
    await cache.load('k', async () => {
      throw new Error('offline');
    });
    expect(cache.get('k')).toMatchObject({ data: 'v1', loading: false });
    expect(cache.get('k').error).toBeInstanceOf(Error);
  });

  it('goes stale after the given age, and on invalidate (key or prefix)', async () => {
    let now = 1_000;
    const cache = new ResourceCache(() => now);
    cache.set('order:1', 'a');
    cache.set('orders', 'b');
    expect(cache.isStale('order:1', 500)).toBe(false);
    now += 501;
    expect(cache.isStale('order:1', 500)).toBe(true);
    cache.set('order:1', 'a');
    cache.invalidate('order');
    expect(cache.isStale('order:1', 500)).toBe(true);
    expect(cache.isStale('orders', 10_000)).toBe(false);
    expect(cache.get('order:1').data).toBe('a');
  });

  it('seeds data silently, marked stale', () => {
    const cache = new ResourceCache();
    let notified = false;
    cache.subscribe('k', () => (notified = true));
    cache.seed('k', 'seed');
    expect(cache.get('k').data).toBe('seed');
    expect(cache.isStale('k', 60_000)).toBe(true);
    expect(notified).toBe(false);
  });
});
