// The storefront in the customer's language, in Chromium against the real server: opened from Telegram
// with language_code ru, fa, hi and en; Persian right to left; the switcher; a screenshot per language.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { fa } from '../../src/i18n/fa';
import { faOrders } from '../../src/i18n/fa-orders';
import { hi } from '../../src/i18n/hi';
import { ru } from '../../src/i18n/ru';
import { openSession, type BrowserSession } from './support/browser-session';
import { checkChromium } from './support/chromium';
import { placeOrderWithPickup } from './support/checkout-form';
import { startE2eEnvironment, type E2eEnvironment } from './support/environment';
import { measureLayout, nextFrames } from './support/layout';
import { expectProductPage, openInTelegram, openProduct, productCard, shownSlugs } from './support/mini-app';
import { E2E_BOT_TOKEN } from './support/server';
import { fetchOrders } from './support/shop-api';
import { LIGHT_THEME, pressMainButton, readMainButton } from './support/telegram';

const chromium = checkChromium();

const CATALOGS = { en, ru, fa, hi } as const;
type Locale = keyof typeof CATALOGS;

// espresso-beans costs 4.5 TON: how each language writes that (Intl's default digits for the locale).
const ESPRESSO_PRICE: Record<Locale, string> = { en: '4.5 TON', ru: '4,5 TON', fa: '۴٫۵ TON', hi: '4.5 TON' };

describe.skipIf(!chromium.run)('the storefront in other languages', () => {
  let env: E2eEnvironment;
  beforeAll(async () => {
    env = await startE2eEnvironment();
  });
  afterAll(() => env?.close());

  afterEach(() => {
    expect(env?.telegramServer.loggedErrors() ?? []).toEqual([]);
    expect(env?.devServer.loggedErrors() ?? []).toEqual([]);
  });

  /** Product titles as the server resolves them for `locale` (merchant translations, else English). */
  async function titlesIn(locale: Locale): Promise<Map<string, string>> {
    const response = await fetch(`${env.telegramServer.url}/api/catalog?locale=${locale}`);
    const body = (await response.json()) as { products: { slug: string; title: string }[] };
    return new Map(body.products.map((p) => [p.slug, p.title]));
  }

  async function openTelegramIn(name: string, languageCode: string, userId: number): Promise<BrowserSession> {
    const s = await openSession(env.browser, { name, origin: new URL(env.telegramServer.url).origin });
    await openInTelegram(s, {
      baseUrl: env.telegramServer.url,
      botToken: E2E_BOT_TOKEN,
      theme: LIGHT_THEME,
      user: { id: userId, first_name: 'Ana', language_code: languageCode },
    });
    await shownSlugs(s.page);
    return s;
  }

  const languageSelect = (page: Page, locale: Locale) => page.getByRole('combobox', { name: CATALOGS[locale]['nav.language'] });
  const cardTitle = (page: Page, slug: string) => productCard(page, slug).locator('.product-card__title').textContent();
  const cardPrice = (page: Page, slug: string) => productCard(page, slug).locator('.price__now').textContent();
  const placeholder = (page: Page) => page.getByTestId('search-input').getAttribute('placeholder');
  const rootLocale = (page: Page) => page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

  it.each([
    ['ru', 720_000_001],
    ['fa', 720_000_002],
    ['hi', 720_000_003],
    ['en', 720_000_004],
  ] as const)('opens in the Telegram user’s language (%s): interface, product texts and prices', async (locale, userId) => {
    const s = await openTelegramIn(`i18n-telegram-${locale}`, locale, userId);
    const { page } = s;
    const titles = await titlesIn(locale);

    expect(await rootLocale(page)).toEqual({ lang: locale, dir: locale === 'fa' ? 'rtl' : 'ltr' });
    expect(await placeholder(page)).toBe(CATALOGS[locale]['catalog.searchPlaceholder']);
    await expect(languageSelect(page, locale)).toBeDefined();
    expect(await languageSelect(page, locale).inputValue()).toBe(locale);
    // The merchant's translation of a product, and the English text of one nobody translated.
    await expect.poll(() => cardTitle(page, 'espresso-beans')).toBe(titles.get('espresso-beans'));
    expect(await cardTitle(page, 'hand-grinder')).toBe(titles.get('hand-grinder'));
    if (locale !== 'en') expect(titles.get('espresso-beans')).not.toBe((await titlesIn('en')).get('espresso-beans'));
    expect(await cardPrice(page, 'espresso-beans')).toBe(ESPRESSO_PRICE[locale]);
    await nextFrames(page);
    await expectNothingClipped(page);
    await s.screenshot('catalog');

    await openProduct(page, 'espresso-beans');
    await expectProductPage(page, titles.get('espresso-beans')!);
    // Telegram's own MainButton speaks the language too.
    await expect.poll(async () => (await readMainButton(page))?.text).toBe(CATALOGS[locale]['product.addToCart']);
    await s.screenshot('product');
    expectCleanSession(s);
  });

  it('lays Persian out right to left: search icon, cards and chips start at the right edge', async () => {
    const s = await openTelegramIn('i18n-rtl-layout', 'fa', 720_000_005);
    const { page } = s;
    const geometry = await page.evaluate(() => {
      const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
      const chips = Array.from(document.querySelectorAll('[data-testid="category-chip"]'), (c) => c.getBoundingClientRect());
      return {
        width: window.innerWidth,
        search: box('.search'),
        icon: box('.search .icon'),
        input: box('.search input'),
        brand: box('.app-header__brand'),
        nav: box('.app-header__nav'),
        firstChip: chips[0]!,
        secondChip: chips[1]!,
        inputAlign: getComputedStyle(document.querySelector('.search input')!).direction,
      };
    });
    // The search field's start edge is on the right: its icon sits right of the text.
    expect(geometry.icon.left).toBeGreaterThan(geometry.input.left);
    expect(geometry.search.right - geometry.icon.right).toBeLessThan(24);
    expect(geometry.inputAlign).toBe('rtl');
    // The shop's name starts at the right, its icons end at the left.
    expect(geometry.brand.right).toBeGreaterThan(geometry.nav.right);
    // "All" is the first chip, on the right; the next one is left of it.
    expect(geometry.secondChip.right).toBeLessThanOrEqual(geometry.firstChip.left + 1);
    const layout = await measureLayout(page, '[data-testid="product-card"]');
    expect(layout.scrollWidth, 'no sideways scroll').toBeLessThanOrEqual(layout.innerWidth);
    const [first, second] = layout.rects;
    expect(layout.innerWidth - first!.right).toBeLessThanOrEqual(32);
    expect(second!.right).toBeLessThanOrEqual(first!.left + 1);
    expectCleanSession(s);
  });

  it('keeps Persian cart and checkout readable: amounts and the order code isolated, Persian digits', async () => {
    const s = await openSession(env.browser, { name: 'i18n-fa-checkout', origin: new URL(env.telegramServer.url).origin });
    const initData = await openInTelegram(s, {
      baseUrl: env.telegramServer.url,
      botToken: E2E_BOT_TOKEN,
      theme: LIGHT_THEME,
      user: { id: 720_000_007, first_name: 'Shirin', language_code: 'fa' },
    });
    const { page } = s;
    await shownSlugs(page);
    await productCard(page, 'espresso-beans').getByTestId('add-to-cart').click();
    await productCard(page, 'hand-grinder').getByTestId('add-to-cart').click();
    await expect.poll(() => page.getByTestId('cart-badge').textContent()).toBe('۲');

    await page.getByTestId('cart-badge').click();
    await page.getByTestId('cart-page').waitFor();
    // 4.5 + 24 TON, in Persian digits, isolated (FSI…PDI) inside the Persian words of the native button.
    await expect.poll(async () => String((await readMainButton(page))?.text ?? '')).toBe(faOrders['cart.checkout'].replace('{total}', '\u2068۲۸٫۵ TON\u2069'));
    await nextFrames(page);
    await s.screenshot('cart');

    await pressMainButton(page);
    await placeOrderWithPickup(page, () => pressMainButton(page));
    await page.getByTestId('order-summary').waitFor();
    const [order] = await fetchOrders(env.telegramServer.url, initData);
    const heading = await page.getByTestId('checkout-page').locator('h1').first().textContent();
    expect(heading).toBe(faOrders['checkout.title'].replace('{code}', `\u2068${order!.code}\u2069`));
    expect(await page.getByTestId('order-status').textContent()).toBe(faOrders['status.label.pending']);
    // The untranslated product keeps its English name in the summary, isolated from the Persian around it.
    const names = await page.locator('.order-summary__title bdi').allTextContents();
    expect(names).toEqual(expect.arrayContaining(['Hand grinder']));
    await nextFrames(page);
    await s.screenshot('checkout');
    expectCleanSession(s);
  });

  it('switches language without a reload, refetches product texts, and keeps the choice over Telegram’s', async () => {
    const s = await openTelegramIn('i18n-switcher', 'ru', 720_000_006);
    const { page } = s;
    const [ruTitles, hiTitles] = await Promise.all([titlesIn('ru'), titlesIn('hi')]);
    expect(await cardTitle(page, 'masala-chai')).toBe(ruTitles.get('masala-chai'));
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

    await languageSelect(page, 'ru').selectOption('hi');
    await expect.poll(() => placeholder(page)).toBe(hi['catalog.searchPlaceholder']);
    await expect.poll(() => cardTitle(page, 'masala-chai')).toBe(hiTitles.get('masala-chai'));
    expect(await rootLocale(page)).toEqual({ lang: 'hi', dir: 'ltr' });
    // Same document: the switch re-rendered the page, it did not load it again.
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    await s.screenshot('switched-to-hindi');

    // Telegram still says "ru" on every launch; the person's choice wins.
    await page.reload();
    await shownSlugs(page);
    expect(await placeholder(page)).toBe(hi['catalog.searchPlaceholder']);
    expect(await languageSelect(page, 'hi').inputValue()).toBe('hi');
    await expect.poll(() => cardTitle(page, 'masala-chai')).toBe(hiTitles.get('masala-chai'));
    await s.screenshot('after-reload');

    // And back to English, the built-in language.
    await languageSelect(page, 'hi').selectOption('en');
    await expect.poll(() => placeholder(page)).toBe(en['catalog.searchPlaceholder']);
    expect(await rootLocale(page)).toEqual({ lang: 'en', dir: 'ltr' });
    expectCleanSession(s);
  });

  it('mirrors the header’s back arrow in Persian in a plain browser, and remembers the choice there too', async () => {
    const s = await openSession(env.browser, { name: 'i18n-browser-rtl', origin: new URL(env.devServer.url).origin });
    const { page } = s;
    await page.goto(env.devServer.url);
    await shownSlugs(page);
    // A browser whose languages are en-US: English until the person picks another language.
    expect(await rootLocale(page)).toEqual({ lang: 'en', dir: 'ltr' });
    await openProduct(page, 'hand-grinder');
    const back = page.getByRole('button', { name: en['nav.back'] });
    expect(await back.locator('svg').evaluate((svg) => getComputedStyle(svg).transform)).toBe('none');
    const ltrBack = (await back.boundingBox())!;
    expect(ltrBack.x).toBeLessThan(60);

    await languageSelect(page, 'en').selectOption('fa');
    const rtlBackButton = page.getByRole('button', { name: fa['nav.back'] });
    await rtlBackButton.waitFor();
    expect(await rootLocale(page)).toEqual({ lang: 'fa', dir: 'rtl' });
    // The arrow points right (towards where the reader came from) and sits at the right edge.
    expect(await rtlBackButton.locator('svg').evaluate((svg) => getComputedStyle(svg).transform)).toBe('matrix(-1, 0, 0, 1, 0, 0)');
    const rtlBack = (await rtlBackButton.boundingBox())!;
    expect(rtlBack.x + rtlBack.width).toBeGreaterThan(390 - 60);
    await expect.poll(() => page.getByTestId('main-button-fallback').textContent()).toBe(fa['product.addToCart']);
    // Nobody translated this product: its English name keeps its own order (isolated in <bdi>) but lines
    // up with the Persian page on the right; its English description reads left to right.
    const bidi = await page.evaluate(() => {
      const title = document.querySelector('.product-page__title')!;
      const description = document.querySelector('.product-page__description')!;
      return {
        titleRight: title.getBoundingClientRect().right,
        nameRight: title.querySelector('bdi')!.getBoundingClientRect().right,
        nameDirection: getComputedStyle(title.querySelector('bdi')!).direction,
        descriptionDirection: getComputedStyle(description).direction,
      };
    });
    expect(Math.abs(bidi.titleRight - bidi.nameRight)).toBeLessThan(2);
    expect(bidi.nameDirection).toBe('ltr');
    expect(bidi.descriptionDirection).toBe('ltr');
    await s.screenshot('product-rtl');

    await page.reload();
    await page.getByTestId('product-page').waitFor();
    expect(await rootLocale(page)).toEqual({ lang: 'fa', dir: 'rtl' });
    await rtlBackButton.click();
    await shownSlugs(page);
    await s.screenshot('catalog-rtl');
    expectCleanSession(s);
  });

  /** Text that overflows its box (clipped labels, a button too narrow for its words) on the catalog. */
  async function expectNothingClipped(page: Page): Promise<void> {
    const clipped = await page.evaluate(() =>
      Array.from(document.querySelectorAll('button, a, .product-card__title, .price, select, .chip'))
        .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow !== 'visible')
        .map((el) => `${el.className}: ${el.textContent}`),
    );
    expect(clipped).toEqual([]);
    const { innerWidth, scrollWidth } = await measureLayout(page, 'body');
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  }

  function expectCleanSession(s: BrowserSession): void {
    expect(s.problems(), 'page errors and console errors').toEqual([]);
    expect(s.externalRequests(), 'requests to other origins').toEqual([]);
  }
});
