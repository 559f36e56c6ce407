import { describe, expect, it } from 'vitest';
import { detectInsideTelegram, resolveInitDataRaw, resolveStartParam } from '../../../src/platform/platform';
import { resolveWebApp } from '../../../src/platform/webapp-interop';

describe('detectInsideTelegram', () => {
  it.each([
    ['', 'unknown', false],
    ['', undefined, false],
    ['', 'ios', true],
    ['', 'tdesktop', true],
    ['user=%7B%7D&hash=ab', 'unknown', true],
  ] as const)('initData %j on platform %j → %s', (initData, platformName, expected) => {
    expect(detectInsideTelegram(initData, platformName)).toBe(expected);
  });
});

describe('resolveInitDataRaw', () => {
  it("prefers Telegram's initData", () => {
    expect(resolveInitDataRaw('tg', { __BAZAAR_DEV__: { initData: 'dev' } })).toBe('tg');
  });
  it("falls back to the dev server's injected initData", () => {
    expect(resolveInitDataRaw('', { __BAZAAR_DEV__: { initData: 'dev' } })).toBe('dev');
  });
  it('is empty without either, or when the injected value is not a string', () => {
    expect(resolveInitDataRaw('', {})).toBe('');
    expect(resolveInitDataRaw('', { __BAZAAR_DEV__: { initData: 42 } })).toBe('');
  });
});

describe('resolveStartParam', () => {
  it('reads start_param from initData first, then tgWebAppStartParam from the query', () => {
    expect(resolveStartParam('product_a', '?tgWebAppStartParam=product_b')).toBe('product_a');
    expect(resolveStartParam(undefined, '?tgWebAppStartParam=product_b')).toBe('product_b');
    expect(resolveStartParam(undefined, '?other=1')).toBeNull();
    expect(resolveStartParam('', '')).toBeNull();
  });
});

describe('resolveWebApp (the @twa-dev/sdk CJS interop under Vite 8)', () => {
  const webApp = { ready() {} };

  it('accepts the WebApp object itself (consistent interop)', () => {
    expect(resolveWebApp(webApp, {})).toBe(webApp);
  });
  it('unwraps `{ default: WebApp }`, what Rolldown hands a default import of this CJS module', () => {
    expect(resolveWebApp({ default: webApp }, {})).toBe(webApp);
  });
  it('falls back to window.Telegram.WebApp', () => {
    expect(resolveWebApp({}, { Telegram: { WebApp: webApp } })).toBe(webApp);
  });
  it('returns null when there is no usable WebApp', () => {
    expect(resolveWebApp(undefined, undefined)).toBeNull();
    expect(resolveWebApp({ default: {} }, { Telegram: {} })).toBeNull();
  });
});
