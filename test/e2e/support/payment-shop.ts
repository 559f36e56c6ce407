// Helpers for the payment E2E: the shop's order API as the Mini App's demo customer sees it, and the
// steps of paying through TON Connect UI with the Bazaar Dev Wallet.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export interface PaidOrder {
  id: string;
  code: string;
  status: string;
  totalMinor: string;
  payment: unknown;
  payments?: Array<{ status: string; amountNano: string; overpaymentNano: string; payerAddress: string; txHash: string }>;
}

/** The initData the dev-mode server signed into the page (docs/api.md, Dev mode). */
export function readDevInitData(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { __BAZAAR_DEV__?: { initData?: string } }).__BAZAAR_DEV__?.initData ?? '');
}

/**
 * The same initData without a browser: the dev-mode server writes it into the HTML page it serves, as
 * `window.__BAZAAR_DEV__ = { initData }` (docs/api.md, Dev mode). Its demo customer is the dev shop's admin.
 */
export async function fetchDevInitData(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/`);
  const html = await response.text();
  const injected = /window\.__BAZAAR_DEV__ = (\{.*?\});<\/script>/.exec(html)?.[1];
  if (!response.ok || !injected) throw new Error(`GET / answered ${response.status} without dev initData: is the server in dev mode? ${html.slice(0, 200)}`);
  return (JSON.parse(injected) as { initData: string }).initData;
}

export async function fetchOrder(baseUrl: string, initData: string, id: string): Promise<PaidOrder> {
  const response = await fetch(`${baseUrl}/api/orders/${id}`, { headers: { Authorization: `tma ${initData}` } });
  if (!response.ok) throw new Error(`GET /api/orders/${id} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as PaidOrder;
}

/** The order id of the checkout the page shows (/checkout/:id). */
export function checkoutOrderId(page: Page): string {
  const match = /\/checkout\/([^/?#]+)/.exec(new URL(page.url()).pathname);
  if (!match?.[1]) throw new Error(`not on a checkout page: ${page.url()}`);
  return decodeURIComponent(match[1]);
}

/** The in-page primary action (the MainButton's stand-in outside Telegram). */
export function primaryButton(page: Page) {
  return page.getByTestId('main-button-fallback');
}

export async function expectPrimaryText(page: Page, pattern: RegExp): Promise<void> {
  await expect
    .poll(async () => ((await primaryButton(page).count()) > 0 ? await primaryButton(page).textContent() : ''), {
      timeout: 10_000,
      message: `primary button matching ${pattern}`,
    })
    .toMatch(pattern);
}

/** TON Connect UI's wallets modal (it renders into div#tc-widget-root). */
export function walletsModal(page: Page) {
  return page.locator('[data-tc-wallets-modal-container]');
}

export async function expectOrderStatus(page: Page, status: string, timeout = 10_000): Promise<void> {
  await expect.poll(() => page.getByTestId('order-status').first().getAttribute('data-status'), { timeout, message: `order status ${status}` }).toBe(status);
}
