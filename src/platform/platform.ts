// What the app needs from its host (Telegram or a plain browser). Components get it from context
// (services.ts), so they render and test without a real Telegram.

export interface MainButtonState {
  text: string;
  onClick: () => void;
  disabled?: boolean;
  progress?: boolean;
}

export type ColorScheme = 'light' | 'dark';

export interface Platform {
  /** Telegram supplied initData or a real platform name; decides MainButton vs. in-page fallback. */
  insideTelegram: boolean;
  /** The raw initData sent as `Authorization: tma …`; '' when there is none. */
  initDataRaw: string;
  /** The server injected window.__BAZAAR_DEV__ (docs/api.md, Dev mode). */
  devMode: boolean;
  /** Telegram's `startapp` parameter, if the app was opened through a deep link. */
  startParam: string | null;
  /** Telegram's colour scheme; null outside Telegram (CSS follows prefers-color-scheme). */
  colorScheme: ColorScheme | null;
  languageCode: string | null;
  ready(): void;
  /** Shows Telegram's MainButton with these params, or hides it with null. No-op outside Telegram. */
  setMainButton(state: MainButtonState | null): void;
  /** Shows Telegram's BackButton wired to the handler, or hides it with null. No-op outside Telegram. */
  setBackButton(onBack: (() => void) | null): void;
  hapticImpact(style: 'light' | 'medium' | 'heavy'): void;
  hapticNotification(type: 'error' | 'success' | 'warning'): void;
  /** Closes the Mini App inside Telegram; reloads the page in a browser. */
  closeOrReload(): void;
  /**
   * Asks Telegram to share the person's phone number with the bot (requestContact, Bot API 6.9+); resolves
   * whether they agreed. The number itself reaches the shop as the bot's update. Absent where there is none.
   */
  requestContact?: () => Promise<boolean>;
}

export interface DevGlobals {
  __BAZAAR_DEV__?: { initData?: unknown };
}

/** Inside Telegram iff it gave us initData or named a real platform (the SDK says 'unknown' otherwise). */
export function detectInsideTelegram(initData: string, platformName: string | undefined): boolean {
  return initData.length > 0 || (!!platformName && platformName !== 'unknown');
}

/**
 * A plain website: opened outside Telegram and not in dev mode, so nobody is signed in by the host; the
 * person signs in on the page (Telegram Login Widget or a TON wallet) and the API sees a session cookie.
 */
export function isWebMode(platform: Pick<Platform, 'insideTelegram' | 'initDataRaw'>): boolean {
  return !platform.insideTelegram && !platform.initDataRaw;
}

/** What tells, without Telegram's SDK, that Telegram may have opened the page. */
export interface LaunchSigns {
  /** location.hash: Telegram puts `tgWebAppData=…&tgWebAppPlatform=…` there. */
  hash: string;
  /** sessionStorage `__telegram__initParams`: the SDK keeps the launch params there across reloads. */
  storedInitParams: string | null;
  /** window.TelegramWebviewProxy: the mobile clients' native bridge. */
  nativeBridge: boolean;
  /** In a frame: Telegram's web clients run Mini Apps in an iframe. */
  inFrame: boolean;
}

/** Whether to load Telegram's SDK at all; a plain website (no sign of Telegram) never downloads it. */
export function mayBeInsideTelegram(signs: LaunchSigns): boolean {
  const launch = /[#&?]tgWebApp(Data|Platform)=/;
  return launch.test(signs.hash) || /"tgWebApp(Data|Platform)"/.test(signs.storedInitParams ?? '') || signs.nativeBridge || signs.inFrame;
}

/** Telegram's initData when present, else the dev server's signed demo initData. */
export function resolveInitDataRaw(telegramInitData: string, devGlobals: DevGlobals): string {
  if (telegramInitData) return telegramInitData;
  const devInitData = devGlobals.__BAZAAR_DEV__?.initData;
  return typeof devInitData === 'string' ? devInitData : '';
}

/** The start parameter from initData, else from `?tgWebAppStartParam=` (Telegram puts it in both). */
export function resolveStartParam(fromInitData: string | undefined, search: string): string | null {
  if (fromInitData) return fromInitData;
  return new URLSearchParams(search).get('tgWebAppStartParam') || null;
}

/** A host without Telegram: every Telegram call is a no-op. The default for tests and for context. */
export function createBrowserPlatform(
  options: {
    initDataRaw?: string;
    devMode?: boolean;
    startParam?: string | null;
    reload?: () => void;
  } = {},
): Platform {
  return {
    insideTelegram: false,
    initDataRaw: options.initDataRaw ?? '',
    devMode: options.devMode ?? false,
    startParam: options.startParam ?? null,
    colorScheme: null,
    languageCode: null,
    ready() {},
    setMainButton() {},
    setBackButton() {},
    hapticImpact() {},
    hapticNotification() {},
    closeOrReload: options.reload ?? (() => globalThis.location?.reload()),
  };
}
