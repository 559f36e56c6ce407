// What a payment e2e test needs to know about TON Connect UI in the page, and the dev wallet it connected.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { devChain } from './dev-chain';
import { checkoutOrderId, expectOrderStatus, expectPrimaryText, fetchOrder, primaryButton, readDevInitData, walletsModal } from './payment-shop';

/**
 * TON Connect UI draws its phone layout up to 440 px (or on a phone OS), and that layout lists only
 * wallets with a mobile app: an injected (extension-style) wallet like the dev wallet is offered in its
 * desktop layout, where extension wallets live. A laptop-sized window, as a developer runs `npm start`.
 */
export const TON_CONNECT_DESKTOP_VIEWPORT = { width: 1024, height: 800 } as const;

/**
 * TON Connect UI's wallets modal draws the TON logo in the middle of its QR code from GitHub (the
 * constant IMG.TON in @tonconnect/ui 2.4); no setting changes it. It is the one request to another
 * origin a payment makes here, blocked by the offline suite, and only while the modal is open.
 */
export const TON_CONNECT_QR_LOGO = 'https://raw.githubusercontent.com/ton-connect/sdk/main/assets/ton-icon-48.png';

/** The dev wallet the page connected (it keeps its id in localStorage), as the dev chain knows it. */
export async function connectedDevWallet(page: Page, baseUrl: string): Promise<{ id: string; address: string }> {
  const id = await page.evaluate(() => localStorage.getItem('bazaar:dev-wallet-id'));
  if (!id) throw new Error('the dev wallet has no stored id: is it connected?');
  return devChain(baseUrl, `/wallets/${encodeURIComponent(id)}`);
}

/** An order as the customer API answers it, with what a USDT payment test reads of it. */
export interface QuotedOrder {
  id: string;
  code: string;
  status: string;
  currency: string;
  totalMinor: string;
  payment: { address: string } | null;
  quotes: Array<{ asset: string; amount: string }>;
  payments?: Array<{ status: string; asset: string; amountNano: string; overpaymentNano: string }>;
}

/** Connects the Bazaar Dev Wallet from the payment card's "Connect wallet" button, through TON Connect UI's modal. */
export async function connectDevWalletFromPaymentCard(page: Page, baseUrl: string): Promise<{ id: string; address: string }> {
  await expectPrimaryText(page, /connect wallet/i);
  await primaryButton(page).click();
  await walletsModal(page).getByText('Bazaar Dev Wallet').first().click();
  await page.getByTestId('wallet-connected').waitFor();
  return connectedDevWallet(page, baseUrl);
}

/** Places the order with the checkout's button, and reads it back (pending) as its customer sees it. */
export async function placeOrderFromCheckout(page: Page, baseUrl: string): Promise<{ orderId: string; initData: string; placed: QuotedOrder }> {
  await primaryButton(page).click();
  await page.getByTestId('checkout-page').waitFor();
  await expectOrderStatus(page, 'pending');
  const orderId = checkoutOrderId(page);
  const initData = await readDevInitData(page);
  const placed = (await fetchOrder(baseUrl, initData, orderId)) as unknown as QuotedOrder;
  return { orderId, initData, placed };
}

/**
 * Presses "Pay" on a USDT payment card: the app must ask the shop for the wallet's request (POST
 * /api/orders/:id/payment-request, the connected wallet named) and get it (200). The shop's answer.
 */
export async function requestUsdtPayment(
  page: Page,
  orderId: string,
  walletAddress: string,
): Promise<{ amount: string; request: { from: string; messages: Array<{ address: string }> } }> {
  const requested = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/api/orders/${orderId}/payment-request`));
  await primaryButton(page).click();
  const request = await requested;
  expect(request.status(), 'POST /api/orders/:id/payment-request').toBe(200);
  expect(request.request().postDataJSON()).toEqual({ asset: 'USDT', wallet: walletAddress });
  return (await request.json()) as { amount: string; request: { from: string; messages: Array<{ address: string }> } };
}
