import { describe, expect, it } from 'vitest';
import { isDigitalOnly, telegramInvoices } from '../../../src/features/payment/stars-payment';

// The Stars button reads window.Telegram.WebApp as the SDK installed it, without importing the SDK.
const windowWith = (webApp: Record<string, unknown> | undefined) => ({ Telegram: webApp && { WebApp: webApp } }) as unknown as Window;
const openInvoice = () => {};

describe('telegramInvoices', () => {
  it('is there inside Telegram 6.1 or later, where WebApp.openInvoice exists', () => {
    const webApp = { initData: 'query_id=1', openInvoice, isVersionAtLeast: (v: string) => v <= '7.0' };
    expect(telegramInvoices(windowWith(webApp))).toBe(webApp);
  });

  it.each([
    ['outside Telegram', undefined],
    ['in a browser that loaded the SDK (no initData)', { initData: '', openInvoice, isVersionAtLeast: () => true }],
    ['in a client older than 6.1', { initData: 'query_id=1', openInvoice, isVersionAtLeast: (v: string) => v <= '6.0' }],
    ['in a client without openInvoice', { initData: 'query_id=1', isVersionAtLeast: () => true }],
  ])('is null %s', (_name, webApp) => {
    expect(telegramInvoices(windowWith(webApp))).toBeNull();
  });
});

describe('isDigitalOnly', () => {
  const catalog = {
    products: [
      { id: 'card', kind: 'digital' },
      { id: 'mug', kind: 'physical' },
    ],
  } as unknown as Parameters<typeof isDigitalOnly>[1];
  const orderOf = (...ids: string[]) => ({ items: ids.map((productId) => ({ productId })) }) as unknown as Parameters<typeof isDigitalOnly>[0];

  it('is true when every line is a digital product, so the invoice is worth asking for', () => {
    expect(isDigitalOnly(orderOf('card', 'card'), catalog)).toBe(true);
  });
  it('is false for a mixed or physical order, or a product the catalog no longer lists', () => {
    expect(isDigitalOnly(orderOf('card', 'mug'), catalog)).toBe(false);
    expect(isDigitalOnly(orderOf('mug'), catalog)).toBe(false);
    expect(isDigitalOnly(orderOf('gone'), catalog)).toBe(false);
  });
  it('is unknown until the catalog is there', () => {
    expect(isDigitalOnly(orderOf('card'), undefined)).toBeUndefined();
  });
});
