import { miniAppUrl, productPath } from '../notifications/order-links';

/**
 * The link that opens a product for whoever taps it, in a message that may land in any chat or channel:
 * Telegram's Mini App link, `https://t.me/<bot>/<app>?startapp=product_<slug>` with the Mini App's short
 * name (BotFather's /newapp, MINI_APP_NAME), or the bot's Main Mini App link
 * `https://t.me/<bot>?startapp=product_<slug>` without one (core.telegram.org/api/links#mini-app-links).
 * The Mini App opens the product named by `startapp` (src/app/start.ts). Without the bot's username it is
 * the web storefront's product page, and null without an https PUBLIC_URL either.
 */
export function productShareLink(input: {
  botUsername: string | undefined;
  miniAppName: string | undefined;
  publicUrl: string | undefined;
  slug: string;
}): string | null {
  const { botUsername, miniAppName, slug } = input;
  if (botUsername) {
    const app = miniAppName ? `/${encodeURIComponent(miniAppName)}` : '';
    return `https://t.me/${encodeURIComponent(botUsername)}${app}?startapp=${encodeURIComponent(`product_${slug}`)}`;
  }
  return miniAppUrl(input.publicUrl, productPath(slug));
}
