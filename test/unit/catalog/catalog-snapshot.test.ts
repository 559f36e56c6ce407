import { describe, expect, it } from 'vitest';
import { createCatalogSnapshot, shareFreshReads } from '../../../functions/core/catalog/catalog-snapshot';

/** A promise and the functions that settle it, so a test decides when a read ends. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('createCatalogSnapshot', () => {
  it('builds an answer once per version and key, and again once the version grows', async () => {
    let version = 1n;
    const snapshot = createCatalogSnapshot<string>({ readVersion: async () => version, maxEntries: 10 });
    let builds = 0;
    const build = async () => `answer ${++builds} at ${version}`;
    expect(await snapshot.get('a', build)).toBe('answer 1 at 1');
    expect(await snapshot.get('a', build)).toBe('answer 1 at 1');
    expect(await snapshot.get('b', build)).toBe('answer 2 at 1');
    version = 2n;
    expect(await snapshot.get('a', build)).toBe('answer 3 at 2');
    expect(await snapshot.get('a', build)).toBe('answer 3 at 2');
    expect(builds).toBe(3);
  });

  it('shares one build among requests that arrive while it runs', async () => {
    const snapshot = createCatalogSnapshot<string>({ readVersion: async () => 1n, maxEntries: 10 });
    const gate = deferred<string>();
    let builds = 0;
    const build = () => {
      builds++;
      return gate.promise;
    };
    const answers = Promise.all([snapshot.get('a', build), snapshot.get('a', build), snapshot.get('a', build)]);
    await new Promise((r) => setTimeout(r, 0));
    gate.resolve('one');
    expect(await answers).toEqual(['one', 'one', 'one']);
    expect(builds).toBe(1);
  });

  it('keeps no failed build: the next request builds again', async () => {
    const snapshot = createCatalogSnapshot<string>({ readVersion: async () => 1n, maxEntries: 10 });
    await expect(snapshot.get('a', () => Promise.reject(new Error('not found')))).rejects.toThrow('not found');
    expect(await snapshot.get('a', async () => 'found')).toBe('found');
  });

  it('keeps at most maxEntries answers, dropping the oldest built', async () => {
    const snapshot = createCatalogSnapshot<string>({ readVersion: async () => 1n, maxEntries: 2 });
    let builds = 0;
    const build = async () => `#${++builds}`;
    await snapshot.get('a', build);
    await snapshot.get('b', build);
    await snapshot.get('c', build);
    expect(await snapshot.get('c', build)).toBe('#3');
    expect(await snapshot.get('b', build)).toBe('#2');
    expect(await snapshot.get('a', build)).toBe('#4');
  });
});

describe('shareFreshReads', () => {
  it('costs a burst of callers two reads, however many they are: the first, and the one the rest share', async () => {
    let reads = 0;
    const read = shareFreshReads(async () => ++reads);
    const answers = await Promise.all(Array.from({ length: 20 }, () => read()));
    expect(answers).toEqual([1, ...Array.from({ length: 19 }, () => 2)]);
    expect(reads).toBe(2);
  });

  it('never answers a caller with a read that began before it called: it shares the next one', async () => {
    const pending: { resolve: (value: number) => void }[] = [];
    let started = 0;
    const read = shareFreshReads(() => {
      started++;
      const d = deferred<number>();
      pending.push(d);
      return d.promise;
    });
    const first = read();
    const later = [read(), read()];
    expect(started).toBe(1);
    pending[0]!.resolve(1);
    expect(await first).toBe(1);
    await new Promise((r) => setTimeout(r, 0));
    // The two later callers arrived during read 1, so they wait for read 2, which they share.
    expect(started).toBe(2);
    pending[1]!.resolve(2);
    expect(await Promise.all(later)).toEqual([2, 2]);
  });

  it('passes a failed read on to its callers, and reads again for the next', async () => {
    let fail = true;
    const read = shareFreshReads(async () => {
      if (fail) throw new Error('connection lost');
      return 7;
    });
    await expect(read()).rejects.toThrow('connection lost');
    fail = false;
    expect(await read()).toBe(7);
  });
});
