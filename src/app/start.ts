import { parseStartParam } from '../domain/deep-link';

const HANDLED_KEY = 'bazaar:start-param-handled';

/**
 * Opens the product a `startapp=product_<slug>` link points to, once per session (Telegram keeps
 * its launch params in sessionStorage across reloads). The catalog stays underneath, so back
 * returns to it instead of closing the app.
 */
export function applyStartParam(startParam: string | null, win: Window): void {
  const link = parseStartParam(startParam);
  if (!link || win.location.pathname !== '/') return;
  try {
    if (win.sessionStorage.getItem(HANDLED_KEY) === startParam) return;
    win.sessionStorage.setItem(HANDLED_KEY, startParam!);
  } catch {
    // Storage blocked: handle the link every load rather than never.
  }
  win.history.replaceState({ idx: 0 }, '', '/');
  win.history.pushState({ idx: 1 }, '', `/p/${encodeURIComponent(link.slug)}`);
}
