// Helpers for the Stars E2E (#15): the merchant's admin API for a digital product with a pool of license
// keys (docs/api.md, Digital content), and Telegram's side of a Stars payment: the updates it posts to
// the shop's webhook (core.telegram.org/bots/api#precheckoutquery, #successfulpayment) and the
// `invoice_closed` event its client sends into the Mini App once the payment sheet closes.
import type { Page } from 'playwright-core';
import type { FakeSuccessfulPayment } from '../../fakes/fake-bot-api';
import { call } from './admin-shop';
import type { TelegramUser } from './telegram';

export interface KeyPool {
  available: number;
  reserved: number;
  sold: number;
}

/**
 * As the merchant (an admin's initData): a digital product priced in TON and in Stars, whose content is
 * license keys, with `keys` uploaded to its pool. Resolves with its id once its stock is the pool's size.
 */
export async function createLicenseKeyProduct(
  baseUrl: string,
  adminInitData: string,
  product: { slug: string; title: string; priceMinor: string; priceStars: number; keys: readonly string[] },
): Promise<string> {
  const { product: made } = await call<{ product: { id: string } }>(baseUrl, '/api/admin/products', {
    initData: adminInitData,
    method: 'POST',
    body: { slug: product.slug, title: product.title, priceMinor: product.priceMinor, priceStars: product.priceStars, kind: 'digital', stock: 0 },
  });
  await call(baseUrl, `/api/admin/products/${made.id}/digital`, { initData: adminInitData, method: 'PUT', body: { kind: 'license_keys' } });
  const added = await call<{ added: number; pools: KeyPool[] }>(baseUrl, `/api/admin/products/${made.id}/digital/keys`, {
    initData: adminInitData,
    method: 'POST',
    body: { keys: product.keys.join('\n') },
  });
  if (added.added !== product.keys.length) throw new Error(`the pool took ${added.added} of ${product.keys.length} keys: ${JSON.stringify(added)}`);
  return made.id;
}

/** The product's key pool as the admin sees it. */
export async function keyPool(baseUrl: string, adminInitData: string, productId: string): Promise<KeyPool> {
  const view = await call<{ pools: KeyPool[] }>(baseUrl, `/api/admin/products/${productId}/digital`, { initData: adminInitData });
  return view.pools[0]!;
}

/** Telegram posting an update to the shop's webhook with the secret it was set up with (setWebhook's secret_token). */
export async function postTelegramUpdate(baseUrl: string, webhookSecret: string, update: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${baseUrl}/api/telegram/webhook`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': webhookSecret },
    body: JSON.stringify(update),
  });
  if (response.status !== 200) throw new Error(`the webhook answered ${response.status}: ${await response.text()}`);
}

let nextUpdateId = 70_000;

function fromUser(user: TelegramUser) {
  return { id: user.id, is_bot: false, first_name: user.first_name, ...(user.language_code && { language_code: user.language_code }) };
}

/** What Telegram posts when the customer confirms the payment sheet, before it takes the Stars. */
export function preCheckoutQueryUpdate(user: TelegramUser, query: { payload: string; totalStars: number }) {
  const updateId = nextUpdateId++;
  return {
    update_id: updateId,
    pre_checkout_query: { id: `e2e-pcq-${updateId}`, from: fromUser(user), currency: 'XTR', total_amount: query.totalStars, invoice_payload: query.payload },
  };
}

/** The service message in the customer's chat with the bot once the Stars are taken. */
export function successfulPaymentUpdate(user: TelegramUser, payment: FakeSuccessfulPayment) {
  const updateId = nextUpdateId++;
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: Math.floor(Date.now() / 1000),
      from: fromUser(user),
      chat: { id: user.id, type: 'private', first_name: user.first_name },
      successful_payment: payment,
    },
  };
}

/**
 * The client closing the invoice it opened for `web_app_open_invoice`: telegram-web-app.js listens through
 * window.Telegram.WebView.receiveEvent and calls openInvoice's callback with the status.
 */
export function closeInvoice(page: Page, slug: string, status: 'paid' | 'cancelled' | 'failed' | 'pending'): Promise<void> {
  return page.evaluate(
    ([invoiceSlug, invoiceStatus]) => {
      const webView = (window as unknown as { Telegram?: { WebView?: { receiveEvent(n: string, d?: unknown): void } } }).Telegram?.WebView;
      if (!webView) throw new Error('window.Telegram.WebView is missing: telegram-web-app.js did not load');
      webView.receiveEvent('invoice_closed', { slug: invoiceSlug, status: invoiceStatus });
    },
    [slug, status] as const,
  );
}
