/**
 * Links into the Mini App. Telegram opens `web_app` buttons only at https URLs
 * (core.telegram.org/bots/api#webappinfo), so without an https PUBLIC_URL messages carry no button.
 */
export function miniAppUrl(publicUrl: string | undefined, path: string): string | null {
  if (!publicUrl?.startsWith('https://')) return null;
  return `${publicUrl.replace(/\/+$/, '')}${path}`;
}

/** The customer's order screen. */
export const orderPath = (orderId: string): string => `/orders/${encodeURIComponent(orderId)}`;
/** The merchant's order screen in the admin. */
export const adminOrderPath = (orderId: string): string => `/admin/orders/${encodeURIComponent(orderId)}`;
/** A product's screen (`/p/<slug>`). */
export const productPath = (slug: string): string => `/p/${encodeURIComponent(slug)}`;
