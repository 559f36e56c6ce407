import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { BrowserSession } from './browser-session';
import { installTelegramBridge, readTelegramEvents, signTestInitData, telegramLaunchUrl, type TelegramUser, type ThemeParams } from './telegram';

/** Opens the shop the way Telegram's Android client does; returns the initData it was opened with. */
export async function openInTelegram(
  session: BrowserSession,
  options: { baseUrl: string; botToken: string; theme: ThemeParams; user: TelegramUser; authDate?: number; startParam?: string },
): Promise<string> {
  const initData = await signTestInitData({
    botToken: options.botToken,
    user: options.user,
    ...(options.authDate !== undefined && { authDate: options.authDate }),
    ...(options.startParam !== undefined && { startParam: options.startParam }),
  });
  await installTelegramBridge(session.page);
  await session.page.goto(
    telegramLaunchUrl(options.baseUrl, {
      initData,
      theme: options.theme,
      ...(options.startParam !== undefined && { startParam: options.startParam }),
    }),
  );
  return initData;
}

export function productCards(page: Page): Locator {
  return page.getByTestId('catalog-grid').getByTestId('product-card');
}

export function productCard(page: Page, slug: string): Locator {
  return page.locator(`[data-testid="product-card"][data-slug="${slug}"]`);
}

/** The slugs of the cards in the grid, in the order shown. */
export async function shownSlugs(page: Page): Promise<string[]> {
  await productCards(page).first().waitFor();
  return productCards(page).evaluateAll((cards) => cards.map((card) => card.getAttribute('data-slug') ?? ''));
}

/** Taps a card where its picture is, away from any quick-add button it may carry. */
export async function openProduct(page: Page, slug: string): Promise<void> {
  await productCard(page, slug).click({ position: { x: 24, y: 24 } });
  await page.getByTestId('product-page').waitFor();
}

/** The number the cart badge shows; 0 when there is no badge. */
export async function cartBadgeCount(page: Page): Promise<number> {
  const badge = page.getByTestId('cart-badge');
  if ((await badge.count()) === 0 || !(await badge.first().isVisible())) return 0;
  // The badge shows the item count, and no number at all while the cart is empty.
  const text = (await badge.first().textContent()) ?? '';
  return Number(/\d+/.exec(text)?.[0] ?? 0);
}

export async function expectCartBadge(page: Page, count: number): Promise<void> {
  await expect.poll(() => cartBadgeCount(page), { timeout: 5_000, message: `cart badge should show ${count}` }).toBe(count);
}

export async function telegramEventNames(page: Page): Promise<string[]> {
  return (await readTelegramEvents(page)).map((e) => e.name);
}

export async function countTelegramEvents(page: Page, name: string): Promise<number> {
  return (await telegramEventNames(page)).filter((n) => n === name).length;
}

/** Waits for the product page to show the product itself (it shows a skeleton while it loads). */
export async function expectProductPage(page: Page, title: string): Promise<void> {
  const productPage = page.getByTestId('product-page');
  await productPage.waitFor();
  await expect.poll(() => productPage.locator('h1').textContent(), { timeout: 5_000, message: `product page titled "${title}"` }).toBe(title);
}
