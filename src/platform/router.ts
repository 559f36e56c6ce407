// A tiny History-API router: the server answers index.html for every non-API path, so URLs are
// real paths. Each entry we push carries its depth in history.state, which tells "back" apart from
// "leave the app" (a deep link opens with nothing behind it).
import { useSyncExternalStore } from 'react';

export interface AppLocation {
  pathname: string;
  search: string;
}

type HistoryState = { idx?: number } | null;

/** Matches `/p/:slug` against `/p/cold-brew` → `{ slug: 'cold-brew' }`; null when it doesn't match. */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = pathname.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const part = want[i]!;
    const value = have[i]!;
    if (part.startsWith(':')) {
      try {
        params[part.slice(1)] = decodeURIComponent(value);
      } catch {
        return null;
      }
    } else if (part !== value) {
      return null;
    }
  }
  return params;
}

const listeners = new Set<() => void>();
let snapshot: AppLocation | null = null;

function readLocation(): AppLocation {
  const { pathname, search } = window.location;
  if (!snapshot || snapshot.pathname !== pathname || snapshot.search !== search) {
    snapshot = { pathname, search };
  }
  return snapshot;
}

function notify(): void {
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) window.addEventListener('popstate', notify);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('popstate', notify);
  };
}

function depth(): number {
  return (window.history.state as HistoryState)?.idx ?? 0;
}

/** Stamps the entry we were opened on as depth 0 (call once at start). */
export function initRouter(): void {
  if ((window.history.state as HistoryState)?.idx === undefined) {
    window.history.replaceState({ ...(window.history.state as object | null), idx: 0 }, '');
  }
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const current = window.location.pathname + window.location.search;
  if (to === current) return;
  if (options.replace) {
    window.history.replaceState({ idx: depth() }, '', to);
  } else {
    window.history.pushState({ idx: depth() + 1 }, '', to);
    window.scrollTo(0, 0);
  }
  notify();
}

/** History back when there is an in-app entry behind us, else replace with the fallback. */
export function goBack(fallback = '/'): void {
  if (depth() > 0) window.history.back();
  else navigate(fallback, { replace: true });
}

export function useLocation(): AppLocation {
  return useSyncExternalStore(subscribe, readLocation, readLocation);
}
