// The only file that touches the Telegram SDK. Everything else sees the Platform interface.
import WebAppImport from '@twa-dev/sdk';
import { resolveWebApp } from './webapp-interop';
import {
  createBrowserPlatform,
  detectInsideTelegram,
  resolveInitDataRaw,
  resolveStartParam,
  type DevGlobals,
  type MainButtonState,
  type Platform,
} from './platform';

/** Builds the Platform from the SDK; outside Telegram it behaves like a plain browser. */
export function createTelegramPlatform(win: Window & DevGlobals): Platform {
  const webApp = resolveWebApp<typeof WebAppImport>(WebAppImport, win);
  const devMode = win.__BAZAAR_DEV__ !== undefined;
  const telegramInitData = webApp?.initData ?? '';
  const initDataRaw = resolveInitDataRaw(telegramInitData, win);
  const startParam = resolveStartParam(webApp?.initDataUnsafe?.start_param, win.location.search);
  if (!webApp || !detectInsideTelegram(telegramInitData, webApp.platform)) {
    return createBrowserPlatform({ initDataRaw, devMode, startParam, reload: () => win.location.reload() });
  }

  // Calls below a method's Bot API version only log a warning in the SDK; skip them instead.
  const supports = (version: string) => webApp.isVersionAtLeast(version);
  const root = win.document.documentElement;
  const syncScheme = () => root.setAttribute('data-scheme', webApp.colorScheme);
  syncScheme();
  webApp.onEvent('themeChanged', syncScheme);
  webApp.expand();
  // A shop is a long scroll; without this, scrolling up at the top collapses the Mini App.
  if (supports('7.7')) webApp.disableVerticalSwipes();

  let mainClick: (() => void) | null = null;
  let backClick: (() => void) | null = null;

  return {
    insideTelegram: true,
    initDataRaw,
    devMode,
    startParam,
    // Read on demand: Telegram's theme can change while the app runs (themeChanged above).
    get colorScheme() {
      return webApp.colorScheme;
    },
    languageCode: webApp.initDataUnsafe?.user?.language_code ?? null,
    ready: () => webApp.ready(),
    setMainButton(state: MainButtonState | null) {
      const button = webApp.MainButton;
      if (mainClick) button.offClick(mainClick);
      mainClick = null;
      if (!state) {
        button.hideProgress();
        button.hide();
        return;
      }
      mainClick = state.onClick;
      button.onClick(mainClick);
      // Before setParams: the SDK's hideProgress makes an inactive button active again.
      if (state.progress) button.showProgress(false);
      else button.hideProgress();
      const theme = webApp.themeParams;
      button.setParams({
        text: state.text,
        is_active: !state.disabled,
        is_visible: true,
        // Telegram keeps the active colour on an inactive button on some clients; grey it out.
        color: state.disabled ? (theme.hint_color ?? '#999999') : (theme.button_color ?? '#2481cc'),
        text_color: theme.button_text_color ?? '#ffffff',
      });
    },
    setBackButton(onBack) {
      if (!supports('6.1')) return;
      const button = webApp.BackButton;
      if (backClick) button.offClick(backClick);
      backClick = onBack;
      if (onBack) {
        button.onClick(onBack);
        button.show();
      } else {
        button.hide();
      }
    },
    hapticImpact(style) {
      if (supports('6.1')) webApp.HapticFeedback.impactOccurred(style);
    },
    hapticNotification(type) {
      if (supports('6.1')) webApp.HapticFeedback.notificationOccurred(type);
    },
    closeOrReload: () => webApp.close(),
    // @twa-dev/sdk's types lack it; telegram-web-app.js has it (and throws while a request is open: the
    // checkout's button is disabled until the answer).
    requestContact: supports('6.9')
      ? () => new Promise<boolean>((resolve) => (webApp as unknown as { requestContact(done: (sent: boolean) => void): void }).requestContact(resolve))
      : undefined,
  };
}
