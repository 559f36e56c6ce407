// The merchant's steps of a refund from the shop's own wallet (#13) in the admin's order screen
// (features/admin/orders/wallet-refund.tsx), with the Bazaar Dev Wallet as TON Connect's wallet.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { E2E_ADMIN } from './admin-environment';
import type { BrowserSession } from './browser-session';
import { openInTelegram } from './mini-app';
import { E2E_BOT_TOKEN } from './server';
import { LIGHT_THEME } from './telegram';

// The dev wallet keeps the id of the wallet it is in localStorage (features/payment/dev-wallet).
const DEV_WALLET_ID_KEY = 'bazaar:dev-wallet-id';

/** A refund as GET /api/admin/orders/:id/refunds answers it (docs/api.md, refunds). */
export interface RefundsView {
  refunds: { id: string; asset: string; amount: string; recipient: string; status: string; messageHash: string | null; transactionHash: string | null }[];
  refundable: { asset: string; left: string; paid: string; payer: string } | null;
}

/** Opens the Mini App in Telegram as the shop's admin, then the order in the admin; resolves with its refund section. */
export async function openAdminOrder(s: BrowserSession, baseUrl: string, orderCode: string): Promise<Locator> {
  const { page } = s;
  await openInTelegram(s, { baseUrl, botToken: E2E_BOT_TOKEN, theme: LIGHT_THEME, user: E2E_ADMIN });
  await page.getByTestId('catalog-grid').waitFor();
  await page.getByTestId('admin-link').click();
  await page.getByTestId('admin-nav-orders').waitFor();
  await page.locator(`[data-testid="admin-order-row"][data-code="${orderCode}"]`).click();
  const section = page.getByTestId('wallet-refund');
  await section.waitFor();
  return section;
}

/** Connects the dev wallet as the shop's own wallet: the dev chain's merchant wallet answers to the id "merchant". */
export async function connectMerchantWallet(page: Page): Promise<void> {
  await page.evaluate(([key]) => window.localStorage.setItem(key!, 'merchant'), [DEV_WALLET_ID_KEY]);
  await page.getByTestId('refund-connect').click();
  await page.getByTestId('refund-wallet').waitFor();
  expect(await page.getByTestId('refund-wrong-wallet').count()).toBe(0);
}

/**
 * Types the amount (or keeps what the field shows when `amount` is null), asks for the refund and approves
 * it in the dev wallet; resolves once the app has handed the signed BOC to the shop. `whileAsked` runs
 * while the wallet shows what it is asked to sign (a screenshot of it, say).
 */
export async function signRefund(page: Page, amount: string | null, whileAsked: () => Promise<unknown> = async () => {}): Promise<void> {
  if (amount !== null) await page.getByTestId('refund-amount').fill(amount);
  await page.getByTestId('refund-sign').click();
  await page.getByTestId('dev-wallet-approval').waitFor();
  await whileAsked();
  const submitted = page.waitForResponse((r) => r.request().method() === 'POST' && /\/refunds\/[^/]+\/boc$/.test(r.url()));
  await page.getByTestId('dev-wallet-approve').click();
  expect((await submitted).status(), 'POST /api/admin/orders/:id/refunds/:refundId/boc').toBe(200);
}

/**
 * Waits until the refund row at `index` (oldest first) reads confirmed. The server's confirm-refunds job
 * reads the chain (every 2 s on the dev chain); the screen polls the refunds.
 */
export async function expectRefundConfirmed(page: Page, index: number): Promise<Locator> {
  const row = page.getByTestId('refund-row').nth(index);
  await expect.poll(() => row.getAttribute('data-status'), { timeout: 20_000, message: `refund ${index + 1} confirmed` }).toBe('confirmed');
  return row;
}
