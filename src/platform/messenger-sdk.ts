// A messenger other than Telegram that opens the shop as a Mini App (Bale: docs/messengers.md). Its SDK
// is loaded after the first paint, only when the shop says it runs there (GET /api/auth/config), and the
// shop then tells it the page is ready and may use the full height. Nothing it hands the page is trusted:
// the shop cannot verify that messenger's launch data, so the person signs in on the page (a TON wallet).

export interface MessengerInfo {
  name: string;
  miniAppSdkUrl: string;
}

/** The SDKs' global objects: Bale's mirrors Telegram's, under its own name. */
const GLOBAL_NAMES: Record<string, string> = { bale: 'Bale' };

interface MessengerWebApp {
  ready?: () => void;
  expand?: () => void;
}

/** The messenger's WebApp object once its SDK ran, or null (not loaded, or not opened by it). */
export function messengerWebApp(win: Window, messenger: string): MessengerWebApp | null {
  const name = GLOBAL_NAMES[messenger];
  if (!name) return null;
  const host = (win as unknown as Record<string, { WebApp?: MessengerWebApp } | undefined>)[name];
  return host?.WebApp ?? null;
}

const started = new Set<string>();

/**
 * Loads the messenger's SDK once per page and signals ready. Telegram is not handled here (its SDK loads
 * before the first render: load-platform.ts). Resolves whether the SDK loaded; never rejects: the shop
 * works as a web page without it.
 */
export function startMessengerMiniApp(win: Window, messenger: MessengerInfo): Promise<boolean> {
  if (messenger.name === 'telegram' || !GLOBAL_NAMES[messenger.name] || started.has(messenger.name)) return Promise.resolve(false);
  started.add(messenger.name);
  return new Promise((resolve) => {
    const script = win.document.createElement('script');
    script.src = messenger.miniAppSdkUrl;
    script.async = true;
    script.onload = () => {
      const webApp = messengerWebApp(win, messenger.name);
      try {
        webApp?.ready?.();
        webApp?.expand?.();
      } catch {
        // An SDK opened outside its messenger may throw: the page goes on as a web page.
      }
      resolve(webApp !== null);
    };
    script.onerror = () => resolve(false);
    win.document.head.append(script);
  });
}
