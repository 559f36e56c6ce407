// A small fetch-and-cache store keyed by string: one request in flight per key, stale-while-
// revalidate, and subscribers for useSyncExternalStore. Plain TS so it tests without React.

export interface ResourceEntry<T = unknown> {
  data?: T;
  error?: unknown;
  loading: boolean;
  /** ms since epoch of the last successful load. */
  fetchedAt?: number;
}

const EMPTY: ResourceEntry = Object.freeze({ loading: false });

export class ResourceCache {
  private entries = new Map<string, ResourceEntry>();
  private inFlight = new Map<string, Promise<void>>();
  private listeners = new Map<string, Set<() => void>>();

  constructor(private readonly now: () => number = Date.now) {}

  get<T>(key: string): ResourceEntry<T> {
    return (this.entries.get(key) ?? EMPTY) as ResourceEntry<T>;
  }

  subscribe(key: string, listener: () => void): () => void {
    let set = this.listeners.get(key);
    if (!set) this.listeners.set(key, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Puts data in the cache, e.g. the order a POST just returned. */
  set<T>(key: string, data: T): void {
    this.update(key, { data, loading: false, fetchedAt: this.now() });
  }

  /** Seeds data marked stale, without notifying: safe to call while rendering. */
  seed<T>(key: string, data: T): void {
    if (this.get(key).data === undefined) this.entries.set(key, { data, loading: false });
  }

  isStale(key: string, staleMs: number): boolean {
    const { fetchedAt } = this.get(key);
    return fetchedAt === undefined || this.now() - fetchedAt > staleMs;
  }

  /** Loads unless a load for the key is already running; keeps old data visible meanwhile. */
  load<T>(key: string, fetcher: () => Promise<T>): Promise<void> {
    const running = this.inFlight.get(key);
    if (running) return running;
    const previous = this.get<T>(key);
    this.update(key, { ...previous, loading: true });
    const promise = fetcher().then(
      (data) => this.update(key, { data, loading: false, fetchedAt: this.now() }),
      (error: unknown) => this.update(key, { data: previous.data, fetchedAt: previous.fetchedAt, error, loading: false }),
    );
    const tracked = promise.finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, tracked);
    return tracked;
  }

  /** Marks entries stale so the next reader refetches; data stays visible until then. */
  invalidate(keyOrPrefix: string): void {
    for (const [key, entry] of this.entries) {
      if (key === keyOrPrefix || key.startsWith(`${keyOrPrefix}:`)) {
        this.update(key, { ...entry, fetchedAt: undefined });
      }
    }
  }

  /** Drops entries outright (another person signed in: their data must not show, not even stale). */
  forget(keyOrPrefix: string): void {
    for (const key of [...this.entries.keys()]) {
      if (key === keyOrPrefix || key.startsWith(`${keyOrPrefix}:`)) this.update(key, { loading: false });
    }
  }

  private update(key: string, entry: ResourceEntry): void {
    this.entries.set(key, entry);
    this.listeners.get(key)?.forEach((listener) => listener());
  }
}
