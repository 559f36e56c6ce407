import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import type { ResourceEntry } from './resource-cache';
import { useResourceCache } from './services';

export interface ResourceOptions<T> {
  /** Refetch on mount when the cached copy is older than this. Default 30 s. */
  staleMs?: number;
  /** Seed the cache (e.g. a product from the already loaded catalog) to skip the skeleton. */
  initialData?: () => T | undefined;
  /** Refetch on this interval while mounted (and while `shouldPoll` says so). */
  pollMs?: number;
  shouldPoll?: (data: T | undefined) => boolean;
}

export interface Resource<T> extends ResourceEntry<T> {
  reload: () => void;
}

const NO_KEY: ResourceEntry = Object.freeze({ loading: false });

/** Reads `key` from the shared cache, fetching it with `fetcher` when missing or stale. */
export function useResource<T>(key: string | null, fetcher: () => Promise<T>, options: ResourceOptions<T> = {}): Resource<T> {
  const cache = useResourceCache();
  const { staleMs = 30_000, pollMs, shouldPoll } = options;
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;
  const shouldPollRef = useRef(shouldPoll);
  shouldPollRef.current = shouldPoll;

  if (key !== null && cache.get(key).data === undefined) {
    const seed = options.initialData?.();
    // Seeded data counts as stale so it is refreshed right away, but renders without a skeleton.
    if (seed !== undefined) cache.seed(key, seed);
  }

  const subscribe = useCallback((listener: () => void) => (key === null ? () => {} : cache.subscribe(key, listener)), [cache, key]);
  const getSnapshot = () => (key === null ? NO_KEY : cache.get(key)) as ResourceEntry<T>;
  const entry = useSyncExternalStore(subscribe, getSnapshot, getSnapshot);

  useEffect(() => {
    if (key === null) return;
    if (cache.isStale(key, staleMs)) void cache.load(key, () => fetcherRef.current());
    if (!pollMs) return;
    const timer = setInterval(() => {
      if (shouldPollRef.current?.(cache.get<T>(key).data) ?? true) {
        void cache.load(key, () => fetcherRef.current());
      }
    }, pollMs);
    return () => clearInterval(timer);
  }, [cache, key, staleMs, pollMs]);

  const reload = useCallback(() => {
    if (key !== null) void cache.load(key, () => fetcherRef.current());
  }, [cache, key]);

  // Until the first load starts, a missing entry is "loading" too: render the skeleton, not an empty state.
  const loading = entry.loading || (key !== null && entry.data === undefined && entry.error === undefined);
  return { ...entry, loading, reload };
}
