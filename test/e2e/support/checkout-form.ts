// The checkout form (delivery, phone, promo code, note) between the cart and the payment, as a person
// fills it in. The demo shop (functions/core/catalog/demo-delivery.ts) posts, couriers and has a pickup point.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The demo shop's pickup point. */
export const DEMO_PICKUP = { methodId: 'pickup', pickupPointId: 'grand-bazaar', name: 'Grand Bazaar stall 12' } as const;

export async function waitForCheckoutForm(page: Page): Promise<void> {
  await page.getByTestId('checkout-form').waitFor();
  await page.getByTestId('delivery-section').waitFor();
}

export async function chooseDeliveryMethod(page: Page, kind: 'shipping' | 'courier' | 'pickup' | 'none'): Promise<void> {
  await page.locator(`[data-testid="delivery-method"][data-kind="${kind}"]`).click();
}

/** Waits until the summary shows the server's total (the quote answered). */
export async function expectQuotedTotal(page: Page): Promise<string> {
  await expect.poll(() => page.getByTestId('quote-total').count(), { timeout: 10_000, message: 'the quote’s total' }).toBe(1);
  return (await page.getByTestId('quote-total').textContent()) ?? '';
}

/**
 * Chooses pickup at the demo shop's stall and places the order with `press` (the in-page button, or
 * Telegram's MainButton); resolves on the payment screen.
 */
export async function placeOrderWithPickup(page: Page, press: () => Promise<void>): Promise<void> {
  await waitForCheckoutForm(page);
  await chooseDeliveryMethod(page, 'pickup');
  await page.locator(`[data-testid="pickup-point"][data-point-id="${DEMO_PICKUP.pickupPointId}"]`).click();
  await expectQuotedTotal(page);
  await press();
  await page.getByTestId('checkout-page').waitFor();
}
