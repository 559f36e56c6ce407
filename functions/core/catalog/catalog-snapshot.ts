/**
 * What the catalog routes keep between requests: one prepared answer per key (a route and its
 * languages), valid for one catalog version. Each request reads the version once (cheap: a few rows),
 * and rebuilds only the answer whose version is older. Pure: the version reader and the builders are
 * passed in.
 */
export interface CatalogSnapshot<T> {
  /** The answer for `key` at the catalog's current version, built by `build` when none is kept for it. */
  get(key: string, build: () => Promise<T>): Promise<T>;
}

interface Entry<T> {
  version: bigint;
  value: Promise<T>;
}

/**
 * `readVersion` must grow with every committed change to what the answers show (adapters/db: a trigger
 * bumps it in the writer's own transaction). The version is read before the data a build reads, so a kept
 * answer is never older than its version says; a write committed after that read raises the version and
 * the next request rebuilds. `maxEntries` bounds the memory a stream of odd keys (Accept-Language) can take.
 */
export function createCatalogSnapshot<T>(options: { readVersion: () => Promise<bigint>; maxEntries: number }): CatalogSnapshot<T> {
  const currentVersion = shareFreshReads(options.readVersion);
  const entries = new Map<string, Entry<T>>();
  let newest = -1n;

  return {
    async get(key, build) {
      const version = await currentVersion();
      if (version > newest) {
        // Every kept answer is older now: drop them at once rather than key by key.
        newest = version;
        entries.clear();
      }
      const kept = entries.get(key);
      // A newer answer than this request's version (another request read the version later) is fresher still.
      if (kept && kept.version >= version) return kept.value;
      const value = build();
      const entry = { version, value };
      // Deleted first so that the map's order stays the order of building: the oldest is evicted first.
      entries.delete(key);
      entries.set(key, entry);
      if (entries.size > options.maxEntries) entries.delete(entries.keys().next().value as string);
      // A failed build (a product not found, a lost connection) is not kept: the next request tries again.
      value.catch(() => {
        if (entries.get(key) === entry) entries.delete(key);
      });
      return value;
    },
  };
}

/**
 * Calls `read` for many callers at once without ever answering a caller with a read that began before
 * it called: a read under way may predate a write the caller saw commit (read-your-writes), so callers
 * who arrive during one wait for it to end and share the next. At most one read runs at a time, so a spike
 * of requests costs the database a query per round trip, not one per request.
 */
export function shareFreshReads<T>(read: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  let queued: Promise<T> | null = null;
  const start = (): Promise<T> => {
    const reading = read();
    running = reading;
    const done = () => {
      if (running === reading) running = null;
    };
    reading.then(done, done);
    return reading;
  };
  return () => {
    if (!running) return start();
    queued ??= running.then(ignore, ignore).then(() => {
      queued = null;
      // Whatever runs now began after every queued caller arrived.
      return running ?? start();
    });
    return queued;
  };
}

function ignore(): void {}
