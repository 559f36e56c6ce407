/**
 * @twa-dev/sdk ships CommonJS (`exports.default = WebApp` plus `__esModule`). Vite 8 (Rolldown)
 * interops like Node, so `import WebApp from '@twa-dev/sdk'` yields the whole `exports` object and
 * `WebApp.ready` is undefined in the built page. This accepts either shape, and falls back to the
 * `window.Telegram.WebApp` global the SDK installs. Kept apart from telegram.ts (which loads the
 * SDK, and the SDK needs a window) so it can be unit-tested.
 */
export function resolveWebApp<T>(imported: unknown, win: unknown): T | null {
  const isWebApp = (value: unknown): value is T => typeof (value as { ready?: unknown } | null | undefined)?.ready === 'function';
  if (isWebApp(imported)) return imported;
  const nested = (imported as { default?: unknown } | null | undefined)?.default;
  if (isWebApp(nested)) return nested;
  const global = (win as { Telegram?: { WebApp?: unknown } } | null | undefined)?.Telegram?.WebApp;
  return isWebApp(global) ? global : null;
}
