// The checkout on a phone-sized screen outside Telegram, where the MainButton's in-page stand-in is drawn
// inside the Payment card: it once stuck out of the card with a band of page colour cutting the card off
// above it (390 px). The built app in Chromium against the dev-mode server, as with `npm start`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession } from './support/browser-session';
import { checkChromium } from './support/chromium';
import { startE2eEnvironment, type E2eEnvironment } from './support/environment';
import { nextFrames } from './support/layout';
import { placeOrderWithPickup } from './support/checkout-form';
import { expectCartBadge, expectProductPage, openProduct, shownSlugs } from './support/mini-app';
import { expectPrimaryText, primaryButton } from './support/payment-shop';

const chromium = checkChromium();

describe.skipIf(!chromium.run)('the checkout at 390 px', () => {
  let env: E2eEnvironment;
  beforeAll(async () => {
    env = await startE2eEnvironment();
  });
  afterAll(() => env?.close());

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`keeps "Connect wallet" inside the Payment card, with nothing cutting the card (${colorScheme})`, async () => {
      const s = await openSession(env.browser, { name: `checkout-layout/${colorScheme}`, origin: new URL(env.devServer.url).origin, colorScheme });
      const { page } = s;
      await page.goto(env.devServer.url);
      const slug = (await shownSlugs(page)).find((x) => (env.catalog.find((p) => p.slug === x)?.stock ?? 0) > 0)!;
      await openProduct(page, slug);
      await expectProductPage(page, env.catalog.find((p) => p.slug === slug)!.title);
      await primaryButton(page).click();
      await expectCartBadge(page, 1);
      await page.getByTestId('cart-badge').click();
      await expectPrimaryText(page, /check ?out/i);
      await primaryButton(page).click();
      await placeOrderWithPickup(page, () => primaryButton(page).click());
      await expectPrimaryText(page, /connect wallet/i);
      await nextFrames(page);

      const boxes = await page.evaluate(() => {
        const rect = (el: Element | null) => {
          const r = el!.getBoundingClientRect();
          return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
        };
        const card = document.querySelector('[data-testid="payment"]');
        const bar = card?.querySelector('.primary-action') ?? null;
        return {
          card: rect(card),
          bar: rect(bar),
          button: rect(document.querySelector('[data-testid="main-button-fallback"]')),
          cardColour: getComputedStyle(card!).backgroundColor,
          barColour: getComputedStyle(bar!).backgroundColor,
        };
      });
      // The button and the bar around it lie within the card, and the bar wears the card's colour.
      for (const box of [boxes.bar, boxes.button]) {
        expect(box.left).toBeGreaterThanOrEqual(boxes.card.left - 0.5);
        expect(box.right).toBeLessThanOrEqual(boxes.card.right + 0.5);
        expect(box.bottom).toBeLessThanOrEqual(boxes.card.bottom + 0.5);
      }
      expect(boxes.barColour).toBe(boxes.cardColour);
      await s.screenshot('checkout');
      expect(s.problems()).toEqual([]);
    });
  }
});
