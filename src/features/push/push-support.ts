/** What the browser can do about Web Push, before asking anything. */
export type PushSupport =
  /** Service workers, PushManager and notifications are there. */
  | 'supported'
  /** iOS/iPadOS Safari in a tab: Web Push works only once the site is added to the home screen (16.4+). */
  | 'ios-home-screen'
  /** No Web Push here (an old browser, a private window that hides it). */
  | 'unsupported';

export interface BrowserTraits {
  hasServiceWorker: boolean;
  hasPushManager: boolean;
  hasNotification: boolean;
  userAgent: string;
  /** navigator.platform: iPadOS 13+ says `MacIntel` with touch, like a Mac, in its user agent too. */
  platform: string;
  maxTouchPoints: number;
  /** Opened from the home screen: navigator.standalone (iOS) or display-mode standalone. */
  standalone: boolean;
}

/** Decides the opt-in's starting point from what the browser shows (pure: the traits are read by the caller). */
export function detectPushSupport(traits: BrowserTraits): PushSupport {
  const ios = /iPad|iPhone|iPod/.test(traits.userAgent) || (traits.platform === 'MacIntel' && traits.maxTouchPoints > 1);
  // webkit.org/blog/13878: on iOS a home-screen web app gets PushManager; Safari's tabs never do.
  if (ios && !traits.standalone) return 'ios-home-screen';
  return traits.hasServiceWorker && traits.hasPushManager && traits.hasNotification ? 'supported' : 'unsupported';
}

/** The traits of this window's browser. */
export function readBrowserTraits(win: Window): BrowserTraits {
  const nav = win.navigator as Navigator & { standalone?: boolean };
  return {
    hasServiceWorker: 'serviceWorker' in nav,
    hasPushManager: 'PushManager' in win,
    hasNotification: 'Notification' in win,
    userAgent: nav.userAgent,
    platform: nav.platform,
    maxTouchPoints: nav.maxTouchPoints ?? 0,
    standalone: nav.standalone === true || win.matchMedia?.('(display-mode: standalone)').matches === true,
  };
}
