// Options for TON Connect, kept free of the SDK import so they cost nothing in the initial bundle;
// the SDK itself is loaded only by the lazy features/payment chunk.

export interface TonConnectOptions {
  manifestUrl: string;
  analytics: { mode: 'off' };
}

/**
 * The manifest is served by our server at the app's origin (its `url` must match the origin).
 * Analytics off: @tonconnect/ui 2.4 reports wallet activity to a remote endpoint by default, and a
 * shop should not share its customers' wallet events unless the merchant opts in.
 */
export function tonConnectOptions(origin: string): TonConnectOptions {
  return { manifestUrl: `${origin}/tonconnect-manifest.json`, analytics: { mode: 'off' } };
}

/** `EQAbc…xyz` style short form for showing a connected address. */
export function shortenAddress(address: string, keep = 4): string {
  return address.length <= keep * 2 + 1 ? address : `${address.slice(0, keep)}…${address.slice(-keep)}`;
}
