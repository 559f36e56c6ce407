// Sharing from inside Telegram: loaded with the product screen, not the first one. It reads the
// `Telegram.WebApp` object the SDK installs (telegram.ts loads it) instead of importing the SDK or its
// interop: a second importer would split them out of the first screen's chunk, and the split costs bytes
// of that screen's budget.

/** The two calls sharing needs (core.telegram.org/bots/webapps#initializing-mini-apps). */
interface ShareCalls {
  initData: string;
  isVersionAtLeast(version: string): boolean;
  shareMessage(id: string, callback?: (sent: boolean) => void): void;
  openTelegramLink(url: string): void;
}

export interface TelegramShare {
  /**
   * Opens Telegram's chat picker for a message the bot prepared (`WebApp.shareMessage`, Bot API 8.0).
   * Resolves whether it was sent; null when this client is older than 8.0.
   */
  shareMessage(preparedMessageId: string): Promise<boolean> | null;
  /** Opens a t.me link inside Telegram (the share page for older clients). */
  openTelegramLink(url: string): void;
}

/** The share calls of the Telegram client this page runs in, or null outside Telegram. */
export function telegramShare(win: Window): TelegramShare | null {
  const webApp = (win as { Telegram?: { WebApp?: Partial<ShareCalls> } }).Telegram?.WebApp;
  if (!webApp?.initData || typeof webApp.openTelegramLink !== 'function') return null;
  const calls = webApp as ShareCalls;
  return {
    shareMessage(id) {
      if (typeof calls.shareMessage !== 'function' || !calls.isVersionAtLeast('8.0')) return null;
      return new Promise((resolve) => calls.shareMessage(id, (sent) => resolve(sent)));
    },
    openTelegramLink: (url) => calls.openTelegramLink(url),
  };
}
