// The built Mini App in headless Chromium against the real Node server, opened the way Telegram opens
// it. One build, one server per auth mode and one browser for the whole file: the suite stays fast.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openSession, PHONE_VIEWPORT, type BrowserSession, type SessionOptions } from './support/browser-session';
import { checkChromium } from './support/chromium';
import { startE2eEnvironment, type E2eEnvironment } from './support/environment';
import { contrastRatio, hexToRgb, measureLayout, nextFrames, readPageBackground } from './support/layout';
import {
  countTelegramEvents,
  expectCartBadge,
  expectProductPage,
  openInTelegram,
  openProduct,
  productCards,
  shownSlugs,
  telegramEventNames,
} from './support/mini-app';
import { E2E_BOT_TOKEN } from './support/server';
import { placeOrderWithPickup } from './support/checkout-form';
import { fetchOrders } from './support/shop-api';
import { DARK_THEME, LIGHT_THEME, pressBackButton, pressMainButton, readBackButtonVisible, readMainButton } from './support/telegram';

const chromium = checkChromium();

const DAY_SECONDS = 86_400;

describe.skipIf(!chromium.run)('the Mini App in a browser', () => {
  let env: E2eEnvironment;
  beforeAll(async () => {
    env = await startE2eEnvironment();
  });
  afterAll(() => env?.close());

  afterEach(() => {
    // A 500 or a failing background job on the server is a failure even when the UI hid it well.
    expect(env?.telegramServer.loggedErrors() ?? []).toEqual([]);
    expect(env?.devServer.loggedErrors() ?? []).toEqual([]);
  });

  const session = (name: string, extra: Partial<SessionOptions> = {}) =>
    openSession(env.browser, { name, origin: new URL(env.telegramServer.url).origin, ...extra });
  const product = (slug: string) => {
    const found = env.catalog.find((p) => p.slug === slug);
    if (!found) throw new Error(`${slug} is not in the catalog the server serves`);
    return found;
  };
  const priceOf = (slug: string) => BigInt(product(slug).priceMinor);
  const titleOf = (slug: string) => product(slug).title;
  const inStock = (slug: string) => product(slug).stock > 0;

  describe('inside Telegram', () => {
    it('lets a customer browse, fill the cart with two products and place a pending order with the native buttons', async () => {
      const s = await session('telegram-checkout');
      const { page } = s;
      const initData = await openInTelegram(s, {
        baseUrl: env.telegramServer.url,
        botToken: E2E_BOT_TOKEN,
        theme: LIGHT_THEME,
        user: { id: 710_000_001, first_name: 'Ada', language_code: 'en' },
      });

      // The catalog: a grid of cards, each naming its product.
      const slugs = await shownSlugs(page);
      expect(slugs.length).toBeGreaterThan(1);
      expect(slugs.every((slug) => env.catalog.some((p) => p.slug === slug))).toBe(true);
      await s.screenshot('catalog');
      await expect.poll(() => telegramEventNames(page), { timeout: 5_000 }).toEqual(expect.arrayContaining(['web_app_ready', 'web_app_expand']));
      // At the top of the shop there is nowhere to go back to.
      expect(await readBackButtonVisible(page)).toBe(false);

      const [first, second] = slugs.filter(inStock);
      expect(first && second, 'two products in stock on the first screen').toBeTruthy();

      // First product: Telegram's MainButton adds it to the cart, with a haptic tap.
      await openProduct(page, first!);
      await expectProductPage(page, titleOf(first!));
      await expect.poll(() => readMainButton(page), { timeout: 5_000 }).toMatchObject({ is_visible: true, is_active: true, color: LIGHT_THEME.button_color });
      expect(String((await readMainButton(page))?.text)).toMatch(/add|cart/i);
      await expect.poll(() => readBackButtonVisible(page)).toBe(true);
      await s.screenshot('product-first');
      const hapticsBefore = await countTelegramEvents(page, 'web_app_trigger_haptic_feedback');
      await pressMainButton(page);
      await expectCartBadge(page, 1);
      expect(await countTelegramEvents(page, 'web_app_trigger_haptic_feedback')).toBeGreaterThan(hapticsBefore);
      await s.screenshot('product-first-added');

      // Telegram's BackButton returns to the catalog.
      await pressBackButton(page);
      await page.getByTestId('catalog-grid').waitFor();
      await expect.poll(() => readBackButtonVisible(page)).toBe(false);
      // The catalog has no primary action: a leftover "Add to cart" there would add the wrong product.
      await expect.poll(async () => (await readMainButton(page))?.is_visible).toBe(false);
      await expectCartBadge(page, 1);

      // Second product: the in-page button works too.
      await openProduct(page, second!);
      await expectProductPage(page, titleOf(second!));
      await page.getByTestId('product-page').getByTestId('add-to-cart').click();
      await expectCartBadge(page, 2);
      await s.screenshot('product-second-added');
      await pressBackButton(page);
      await page.getByTestId('catalog-grid').waitFor();

      // The cart holds both; the MainButton checks out.
      await page.getByTestId('cart-badge').click();
      await page.getByTestId('cart-page').waitFor();
      await expect.poll(() => page.getByTestId('cart-line').count()).toBe(2);
      await expect.poll(async () => String((await readMainButton(page))?.text ?? '')).toMatch(/check ?out/i);
      expect(await readMainButton(page)).toMatchObject({ is_visible: true, is_active: true });
      await s.screenshot('cart');
      await pressMainButton(page);
      // The checkout form: pickup at the shop's stall, placed with the MainButton.
      await placeOrderWithPickup(page, async () => {
        await expect.poll(async () => String((await readMainButton(page))?.text ?? '')).toMatch(/place order/i);
        await s.screenshot('checkout-form');
        await pressMainButton(page);
      });
      await page.getByTestId('order-summary').waitFor();
      await expect.poll(() => page.getByTestId('order-status').textContent()).toMatch(/pending|awaiting payment/i);
      await s.screenshot('checkout');

      // The server holds exactly that order, priced from the catalog.
      const orders = await fetchOrders(env.telegramServer.url, initData);
      expect(orders).toHaveLength(1);
      const [order] = orders;
      expect(order!.status).toBe('pending');
      expect(order!.items.map((i) => [i.slug, i.quantity]).sort()).toEqual(
        [
          [first, 1],
          [second, 1],
        ].sort(),
      );
      expect(BigInt(order!.totalMinor)).toBe(priceOf(first!) + priceOf(second!));
      expect(await page.getByTestId('checkout-page').textContent()).toContain(order!.code);

      // "My orders" lists it.
      await page.getByTestId('orders-link').first().click();
      await page.getByTestId('orders-page').waitFor();
      await expect.poll(() => page.getByTestId('order-row').count()).toBe(1);
      expect(await page.getByTestId('order-row').textContent()).toContain(order!.code);
      await s.screenshot('orders');

      expectCleanSession(s);
    });

    it('paints the dark theme Telegram passes in and keeps the layout inside a 390 px screen', async () => {
      // The OS stays light: the colours must come from Telegram's themeParams, not prefers-color-scheme.
      const s = await session('telegram-dark-theme', { colorScheme: 'light' });
      const { page } = s;
      await openInTelegram(s, {
        baseUrl: env.telegramServer.url,
        botToken: E2E_BOT_TOKEN,
        theme: DARK_THEME,
        user: { id: 710_000_002, first_name: 'Grace', language_code: 'en' },
      });
      const slugs = await shownSlugs(page);
      await nextFrames(page);

      const background = await readPageBackground(page);
      expect(background.color, `background of ${background.element}`).toBe(hexToRgb(DARK_THEME.bg_color));
      const titleColor = await productCards(page)
        .first()
        .evaluate((card) => getComputedStyle(card).color);
      expect(contrastRatio(titleColor, background.color), `card text ${titleColor} on ${background.color}`).toBeGreaterThanOrEqual(4.5);
      await expectNoSidewaysScroll(s);
      await s.screenshot('catalog');

      const shown = slugs.find(inStock)!;
      await expectProductScreenFits(s, shown, titleOf(shown));

      expectCleanSession(s);
    });

    it('mirrors the layout for a right-to-left document without pushing anything off screen', async () => {
      const s = await session('telegram-rtl');
      const { page } = s;
      await openInTelegram(s, {
        baseUrl: env.telegramServer.url,
        botToken: E2E_BOT_TOKEN,
        theme: LIGHT_THEME,
        user: { id: 710_000_003, first_name: 'Shirin', language_code: 'fa' },
      });
      const slugs = await shownSlugs(page);
      // language_code "fa": the app lays itself out right to left (test/e2e/i18n.test.ts checks the words).
      await nextFrames(page);

      const layout = await measureLayout(page, '[data-testid="product-card"]');
      expect(layout.dir).toBe('rtl');
      expect(layout.scrollWidth, 'no sideways scroll').toBeLessThanOrEqual(layout.innerWidth);
      for (const rect of layout.rects) {
        expect(rect.left).toBeGreaterThanOrEqual(-1);
        expect(rect.right).toBeLessThanOrEqual(layout.innerWidth + 1);
      }
      const [firstCard, secondCard] = layout.rects;
      // The first card starts at the right edge (within the page padding), and the row runs leftwards.
      expect(layout.innerWidth - firstCard!.right).toBeLessThanOrEqual(32);
      if (secondCard && Math.abs(secondCard.top - firstCard!.top) < 1) expect(secondCard.right).toBeLessThan(firstCard!.left + 1);
      await s.screenshot('catalog');

      const shown = slugs.find(inStock)!;
      const persian = (await (await fetch(`${env.telegramServer.url}/api/products/${shown}?locale=fa`)).json()) as { title: string };
      await expectProductScreenFits(s, shown, persian.title);

      expectCleanSession(s);
    });

    it('opens the product a deep link names, with a way back to the catalog', async () => {
      const s = await session('telegram-deep-link');
      const { page } = s;
      await openInTelegram(s, {
        baseUrl: env.telegramServer.url,
        botToken: E2E_BOT_TOKEN,
        theme: LIGHT_THEME,
        user: { id: 710_000_005, first_name: 'Linus', language_code: 'en' },
        startParam: 'product_hand-grinder',
      });
      await expectProductPage(page, titleOf('hand-grinder'));
      await s.screenshot('product');

      await expect.poll(() => readBackButtonVisible(page)).toBe(true);
      await pressBackButton(page);
      await page.getByTestId('catalog-grid').waitFor();
      await s.screenshot('catalog-after-back');

      expectCleanSession(s);
    });

    it('asks the person to reopen the shop when Telegram hands over initData that has expired', async () => {
      const s = await session('telegram-expired-init-data', {
        // The server's 401 INIT_DATA_EXPIRED answer is what this test provokes; Chromium logs every 4xx.
        expectedConsoleErrors: [/^Failed to load resource: the server responded with a status of 401/],
      });
      const { page } = s;
      await openInTelegram(s, {
        baseUrl: env.telegramServer.url,
        botToken: E2E_BOT_TOKEN,
        theme: LIGHT_THEME,
        user: { id: 710_000_006, first_name: 'Ken', language_code: 'en' },
        authDate: Math.floor(Date.now() / 1000) - 2 * DAY_SECONDS,
      });
      // The catalog needs no sign-in, so the app may show it first; the customer's own orders do.
      const first = page.getByTestId('error-view').or(page.getByTestId('catalog-grid'));
      await first.first().waitFor();
      await s.screenshot('opened');
      if (!(await page.getByTestId('error-view').isVisible())) {
        await page.getByTestId('orders-link').first().click();
      }
      const errorView = page.getByTestId('error-view');
      await errorView.waitFor();
      expect(await errorView.textContent()).toMatch(/reopen|open (it|the shop) again/i);
      await s.screenshot('error');
      // Its button closes the Mini App, so that Telegram signs a fresh initData when the person reopens it.
      await errorView.getByTestId('reopen').click();
      await expect.poll(() => telegramEventNames(page)).toContain('web_app_close');

      expectCleanSession(s);
    });

    it("starts fetching Telegram's SDK beside the entry, not after it ran, and a website never fetches it", async () => {
      // The entry is held back for a while: whatever JS the page requests meanwhile cannot come from the
      // entry's own import() (src/platform/load-platform.ts), only from index.html's preload.
      const requestedWhileEntryHeld = async (s: BrowserSession, open: () => Promise<unknown>) => {
        let held = true;
        const early: string[] = [];
        s.page.on('request', (request) => {
          const { pathname } = new URL(request.url());
          if (held && pathname.endsWith('.js') && !/\/index-[^/]*\.js$/.test(pathname)) early.push(pathname);
        });
        await s.page.route(/\/assets\/index-[^/]*\.js$/, async (route) => {
          await new Promise((resolve) => setTimeout(resolve, 700));
          held = false;
          await route.continue();
        });
        await open();
        await productCards(s.page).first().waitFor();
        return early;
      };

      const inTelegram = await session('telegram-sdk-preload');
      const early = await requestedWhileEntryHeld(inTelegram, () =>
        openInTelegram(inTelegram, {
          baseUrl: env.telegramServer.url,
          botToken: E2E_BOT_TOKEN,
          theme: LIGHT_THEME,
          user: { id: 710_000_009, first_name: 'Eve', language_code: 'en' },
        }),
      );
      // What is fetched early is exactly what index.html's inline script names: Telegram's SDK chunk and
      // the chunk of Rolldown's CommonJS helpers it imports (the entry, on Preact, needs none of them).
      const html = await (await fetch(env.telegramServer.url)).text();
      const preloaded = JSON.parse(/(\[[^\]]*\])\.forEach\(/.exec(html)?.[1] ?? '[]') as string[];
      expect(preloaded.length).toBeGreaterThan(0);
      expect([...early].sort()).toEqual([...preloaded].sort());
      // One of them is Telegram's SDK (its native bridge's name is in it), and the app used it.
      const texts = await Promise.all(early.map(async (path) => (await fetch(new URL(path, env.telegramServer.url))).text()));
      expect(texts.filter((text) => text.includes('TelegramWebviewProxy'))).toHaveLength(1);
      expect(await telegramEventNames(inTelegram.page)).toContain('web_app_ready');
      expectCleanSession(inTelegram);

      const website = await session('website-no-sdk');
      expect(await requestedWhileEntryHeld(website, () => website.page.goto(env.telegramServer.url))).toEqual([]);
      expectCleanSession(website);
    });
  });

  describe('in a plain browser against a server without a bot token (dev mode)', () => {
    it('signs in a demo customer and checks out through the in-page main button', async () => {
      const s = await openSession(env.browser, { name: 'dev-mode-checkout', origin: new URL(env.devServer.url).origin });
      const { page } = s;
      await page.goto(env.devServer.url);

      await page.getByTestId('dev-banner').waitFor();
      const slugs = await shownSlugs(page);
      await s.screenshot('catalog');

      const slug = slugs.find(inStock)!;
      await openProduct(page, slug);
      await expectProductPage(page, titleOf(slug));
      const fallback = page.getByTestId('main-button-fallback');
      expect(await fallback.textContent()).toMatch(/add|cart/i);
      await s.screenshot('product');
      await fallback.click();
      await expectCartBadge(page, 1);

      await page.getByTestId('cart-badge').click();
      await page.getByTestId('cart-page').waitFor();
      expect(await page.getByTestId('cart-line').count()).toBe(1);
      expect(await fallback.textContent()).toMatch(/check ?out/i);
      await s.screenshot('cart');
      await fallback.click();
      await placeOrderWithPickup(page, () => fallback.click());
      await expect.poll(() => page.getByTestId('order-status').textContent()).toMatch(/pending|awaiting payment/i);
      await s.screenshot('checkout');

      // The order belongs to the demo customer the server signed into the page.
      const devInitData = await page.evaluate(() => (window as unknown as { __BAZAAR_DEV__?: { initData?: string } }).__BAZAAR_DEV__?.initData ?? '');
      const orders = await fetchOrders(env.devServer.url, devInitData);
      expect(orders.map((o) => [o.status, o.items.map((i) => i.slug)])).toEqual([['pending', [slug]]]);

      expectCleanSession(s);
    });
  });

  /** No uncaught errors, no console errors, and nothing sent to a third party (the suite runs offline). */
  function expectCleanSession(s: BrowserSession): void {
    expect(s.problems(), 'page errors and console errors').toEqual([]);
    expect(s.externalRequests(), 'requests to other origins').toEqual([]);
  }

  /** Opens a product from the catalog, waits for its page to settle, and checks it fits the phone. */
  async function expectProductScreenFits(s: BrowserSession, slug: string, title: string): Promise<void> {
    await openProduct(s.page, slug);
    await expectProductPage(s.page, title);
    await nextFrames(s.page);
    await expectNoSidewaysScroll(s);
    await s.screenshot('product');
  }

  async function expectNoSidewaysScroll(s: BrowserSession): Promise<void> {
    const { innerWidth, scrollWidth } = await measureLayout(s.page, 'body');
    expect(scrollWidth, `page is ${scrollWidth} px wide on a ${PHONE_VIEWPORT.width} px screen`).toBeLessThanOrEqual(innerWidth);
  }
});
