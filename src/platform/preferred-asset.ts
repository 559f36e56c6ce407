// The asset the customer chose to pay in, carried from the checkout form's summary to the payment panel
// of the order it places (two features that do not import each other). Kept for the tab's session, so a
// reload of the payment screen keeps the choice; any order not quoted in it falls back to TON
// (domain/payment-assets.ts chooseAsset).
import { useSyncExternalStore } from 'react';
import type { PaymentAsset } from '../domain/types';

const KEY = 'bazaar:payment-asset';
const listeners = new Set<() => void>();

function read(): PaymentAsset | null {
  try {
    const value = globalThis.sessionStorage?.getItem(KEY);
    return value === 'TON' || value === 'USDT' ? value : null;
  } catch {
    return null;
  }
}

let current: PaymentAsset | null = read();

export function setPreferredAsset(asset: PaymentAsset): void {
  current = asset;
  try {
    globalThis.sessionStorage?.setItem(KEY, asset);
  } catch {
    // Storage can be blocked (private modes, sandboxed frames): the choice still holds for this page.
  }
  for (const listener of listeners) listener();
}

/** The preferred asset, or null when the customer has not chosen one. */
export function usePreferredAsset(): PaymentAsset | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
    () => null,
  );
}
