import { describe, expect, it } from 'vitest';
import { readVersionReused } from '../../../functions/adapters/db/catalog-repo';

/** A version query counting its calls, a clock the test moves, and the local-write signal. */
function setup(maxAgeMs = 250) {
  let version = 1n;
  let queries = 0;
  let at = 0;
  const listeners: (() => void)[] = [];
  const read = readVersionReused(
    async () => {
      queries++;
      return version;
    },
    { maxAgeMs, now: () => at, onLocalWrite: (listener) => listeners.push(listener) },
  );
  return {
    read,
    queries: () => queries,
    commitElsewhere: () => void version++,
    writeHere: () => {
      version++;
      for (const listener of listeners) listener();
    },
    advance: (ms: number) => void (at += ms),
  };
}

describe('readVersionReused', () => {
  it('answers every caller within the bound from one read', async () => {
    const s = setup();
    for (let i = 0; i < 10; i++) {
      expect(await s.read()).toBe(1n);
      s.advance(25);
    }
    expect(s.queries()).toBe(1);
  });

  it("shows another instance's commit once the read it replaces is older than the bound", async () => {
    const s = setup();
    await s.read();
    s.commitElsewhere();
    s.advance(250);
    expect(await s.read()).toBe(1n);
    s.advance(1);
    expect(await s.read()).toBe(2n);
    expect(s.queries()).toBe(2);
  });

  it("reads again at once after this instance's own write ended", async () => {
    const s = setup();
    await s.read();
    s.writeHere();
    expect(await s.read()).toBe(2n);
    expect(s.queries()).toBe(2);
  });

  it('does not keep a read that began before a write of its own ended', async () => {
    const s = setup();
    const early = s.read();
    s.writeHere();
    expect(await early).toBe(1n);
    expect(await s.read()).toBe(2n);
    expect(s.queries()).toBe(2);
  });

  it('does not keep a failed read', async () => {
    let calls = 0;
    const read = readVersionReused(
      async () => {
        if (++calls === 1) throw new Error('connection lost');
        return 5n;
      },
      { maxAgeMs: 250, now: () => 0, onLocalWrite: () => {} },
    );
    await expect(read()).rejects.toThrow('connection lost');
    expect(await read()).toBe(5n);
  });
});
