// The web's memory of being signed in. The session cookie is HttpOnly, so the page cannot see it; this
// flag (set on sign-in, cleared on sign-out or a 401) lets the page skip calls that would only answer
// 401 and show "Sign in" or "Account" in the header. The server decides every call by the cookie alone.
import { useSyncExternalStore } from 'react';
import type { SignInReason } from './api-client';

const KEY = 'bazaar:signed-in';
const listeners = new Set<() => void>();

export function readSignedIn(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

export function setSignedIn(on: boolean): void {
  try {
    if (on) localStorage.setItem(KEY, '1');
    else localStorage.removeItem(KEY);
  } catch {
    // Storage blocked: the next call that needs a session finds out from the server.
  }
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSignedIn(): boolean {
  // The same read for a render outside the browser (tests render to static HTML): no storage, not signed in.
  return useSyncExternalStore(subscribe, readSignedIn, readSignedIn);
}

/** `/sign-in?next=<where the person was going>`, with `ended=1` when the shop ended the session. */
export function signInPath(next: string, reason: SignInReason = 'required'): string {
  return `/sign-in?next=${encodeURIComponent(next)}${reason === 'ended' ? '&ended=1' : ''}`;
}
