import { describe, expect, it } from 'vitest';
import { detectPushSupport, type BrowserTraits } from '../../../src/features/push/push-support';

const CHROME: BrowserTraits = {
  hasServiceWorker: true,
  hasPushManager: true,
  hasNotification: true,
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36',
  platform: 'Linux x86_64',
  maxTouchPoints: 0,
  standalone: false,
};
const IPHONE_SAFARI: BrowserTraits = {
  hasServiceWorker: true,
  hasPushManager: false,
  hasNotification: false,
  userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  platform: 'iPhone',
  maxTouchPoints: 5,
  standalone: false,
};
// iPadOS 13+ presents itself as a Mac; only the touch points tell.
const IPAD_AS_MAC: BrowserTraits = {
  ...IPHONE_SAFARI,
  userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) Version/18.1 Safari/605.1.15',
  platform: 'MacIntel',
};

describe('detectPushSupport', () => {
  it.each([
    ['Chrome on a desktop', CHROME, 'supported'],
    ['a browser without PushManager', { ...CHROME, hasPushManager: false }, 'unsupported'],
    ['Safari on an iPhone, in a tab', IPHONE_SAFARI, 'ios-home-screen'],
    ['Safari on an iPad that says it is a Mac', IPAD_AS_MAC, 'ios-home-screen'],
    ['the shop opened from an iPhone’s home screen', { ...IPHONE_SAFARI, standalone: true, hasPushManager: true, hasNotification: true }, 'supported'],
    ['a Mac without touch', { ...IPAD_AS_MAC, maxTouchPoints: 0, hasPushManager: true, hasNotification: true }, 'supported'],
  ] as const)('%s: %s', (_, traits, support) => {
    expect(detectPushSupport(traits)).toBe(support);
  });
});
