// The merchant runs the shop from inside the Mini App (issue 5): the built app in headless Chromium,
// opened the way Telegram opens it, against the real Node server with ADMIN_IDS naming the merchant, its
// local TON dev chain (orders are paid with real signed transfers) and a fake Bot API over real HTTP
// (the one service out of reach), which records what the shop's bot tells the customer.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { E2E_ADMIN, E2E_CUSTOMER, startAdminE2eEnvironment, type AdminE2eEnvironment } from './support/admin-environment';
import { fetchAdminOrder, fetchProduct, placePaidOrder, putDeliveryMethods } from './support/admin-shop';
import { openSession, type BrowserSession } from './support/browser-session';
import { findAccessibilityViolations } from './support/axe';
import { checkChromium } from './support/chromium';
import { formatCsv, parseCsv } from './support/csv';
import { measureLayout, nextFrames } from './support/layout';
import { expectProductPage, openInTelegram, openProduct, productCard } from './support/mini-app';
import { E2E_BOT_TOKEN } from './support/server';
import { fetchCatalog, type CatalogProduct } from './support/shop-api';
import {
  DARK_THEME,
  LIGHT_THEME,
  pressBackButton,
  pressMainButton,
  readBackButtonVisible,
  readMainButton,
  signTestInitData,
  type TelegramUser,
} from './support/telegram';

const chromium = checkChromium();

const ONE_PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

type Theme = 'light' | 'dark';

describe.skipIf(!chromium.run)('running the shop from the admin screens', () => {
  let env: AdminE2eEnvironment;
  beforeAll(async () => {
    env = await startAdminE2eEnvironment();
    // The demo shop starts with delivery methods (the storefront's checkout asks for one); these tests
    // start from none, set up the ones they need and undo them, so their orders need no delivery.
    await putDeliveryMethods(env.server.url, await signTestInitData({ botToken: E2E_BOT_TOKEN, user: E2E_ADMIN }), []);
  });
  afterAll(() => env?.close());
  afterEach(() => {
    // A 500 or a failing background job (the outbox worker, the reconciler) fails the test even when the UI hid it.
    expect(env?.server.loggedErrors() ?? []).toEqual([]);
    expect(env?.botApi.unexpected ?? []).toEqual([]);
  });

  async function openAs(name: string, user: TelegramUser, theme: Theme = 'light', expectedConsoleErrors: RegExp[] = []): Promise<BrowserSession> {
    const s = await openSession(env.browser, { name: `admin/${name}`, origin: new URL(env.server.url).origin, colorScheme: theme, expectedConsoleErrors });
    await openInTelegram(s, { baseUrl: env.server.url, botToken: E2E_BOT_TOKEN, theme: theme === 'dark' ? DARK_THEME : LIGHT_THEME, user });
    await s.page.getByTestId('catalog-grid').waitFor();
    return s;
  }

  /** Catalog → "Manage shop" (shown once the server has said this person is an admin) → orders. */
  async function enterAdmin(page: Page): Promise<void> {
    await page.getByTestId('admin-link').click();
    await page.getByTestId('admin').waitFor();
    await page.getByTestId('admin-nav-orders').waitFor();
  }

  async function openSection(page: Page, section: string, ready: string): Promise<void> {
    await page.getByTestId(`admin-nav-${section}`).click();
    await page.locator(ready).first().waitFor();
    await nextFrames(page);
  }

  const customerInitData = () => signTestInitData({ botToken: E2E_BOT_TOKEN, user: E2E_CUSTOMER });

  async function inStockProducts(): Promise<CatalogProduct[]> {
    const products = (await fetchCatalog(env.server.url)).filter((p) => p.stock > 2);
    expect(products.length, 'products in stock').toBeGreaterThan(1);
    return products;
  }

  function expectClean(s: BrowserSession): void {
    expect(s.problems(), 'page errors and console errors').toEqual([]);
    expect(s.externalRequests(), 'requests to other origins').toEqual([]);
  }

  it('shows the way into the admin screens to an admin only; a customer who finds /admin is turned away', async () => {
    const customer = await openSession(env.browser, {
      name: 'admin/customer',
      origin: new URL(env.server.url).origin,
      // Typing /admin by hand: the admin area asks /api/admin/session, and Chromium logs its 403.
      expectedConsoleErrors: [/status of 403 \(Forbidden\)/],
    });
    const asked = customer.page.waitForResponse((r) => r.url().endsWith('/api/me'));
    await openInTelegram(customer, { baseUrl: env.server.url, botToken: E2E_BOT_TOKEN, theme: LIGHT_THEME, user: E2E_CUSTOMER });
    const answer = await asked;
    expect(answer.status(), 'asking costs a customer no error').toBe(200);
    expect(((await answer.json()) as { isAdmin: boolean }).isAdmin).toBe(false);
    await nextFrames(customer.page);
    expect(await customer.page.getByTestId('admin-link').count()).toBe(0);
    // The address typed by hand: no admin data, a sentence instead.
    await customer.page.evaluate(() => {
      window.history.pushState({ idx: 1 }, '', '/admin/orders');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    await customer.page.getByTestId('empty-state').waitFor();
    expect(await customer.page.getByTestId('empty-state').textContent()).toMatch(/staff only/i);
    expect(await customer.page.getByTestId('admin-order-list').count()).toBe(0);
    await customer.screenshot('customer-turned-away');

    const admin = await openAs('entry', E2E_ADMIN);
    await admin.page.getByTestId('admin-link').waitFor();
    expect(await admin.page.getByTestId('admin-link').getAttribute('aria-label')).toBe('Manage shop');
    await admin.screenshot('catalog-with-admin-entry');
    expectClean(customer);
    expectClean(admin);
  });

  it('lets an admin change a product’s price, and a customer then sees the new price', async () => {
    const [product] = await inStockProducts();
    const newPrice = product!.priceMinor === '7350000000' ? '7.45' : '7.35';
    const newPriceMinor = newPrice === '7.35' ? '7350000000' : '7450000000';

    const admin = await openAs('edit-price', E2E_ADMIN);
    const { page } = admin;
    await enterAdmin(page);
    await openSection(page, 'products', '[data-testid="admin-product-list"]');
    await page.locator(`[data-testid="admin-product-row"][data-slug="${product!.slug}"]`).click();
    const editor = page.getByTestId('product-editor');
    await editor.waitFor();
    expect(await page.getByTestId('product-title').inputValue()).toBe(product!.title);
    // Inside Telegram the Save button is Telegram's own MainButton.
    await expect.poll(async () => String((await readMainButton(page))?.text ?? '')).toBe('Save product');
    expect(await readBackButtonVisible(page)).toBe(true);

    await page.getByTestId('product-price').fill(newPrice);
    await admin.screenshot('price-typed');
    const saved = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/api/admin/products/'));
    await pressMainButton(page);
    const answer = await saved;
    expect(answer.status()).toBe(200);
    // Only what changed is sent, the price as an exact nanoton string.
    expect(JSON.parse(answer.request().postData() ?? '{}')).toEqual({ priceMinor: newPriceMinor });
    await page.getByTestId('toast').waitFor();
    expect(await page.getByTestId('toast').textContent()).toMatch(/saved/i);
    await admin.screenshot('price-saved');
    expect((await fetchProduct(env.server.url, product!.slug)).priceMinor).toBe(newPriceMinor);

    // Telegram's BackButton walks back to the list, which shows the new price too.
    await pressBackButton(page);
    const row = page.locator(`[data-testid="admin-product-row"][data-slug="${product!.slug}"]`);
    await expect.poll(() => row.textContent()).toContain(`${newPrice} TON`);

    // A customer, in a session of their own, sees the new price on the card and on the product page.
    const customer = await openAs('edit-price-customer', E2E_CUSTOMER);
    await expect.poll(() => productCard(customer.page, product!.slug).textContent()).toContain(`${newPrice} TON`);
    await openProduct(customer.page, product!.slug);
    await expectProductPage(customer.page, product!.title);
    await expect.poll(() => customer.page.getByTestId('product-page').textContent()).toContain(`${newPrice} TON`);
    await customer.screenshot('customer-sees-new-price');
    expectClean(admin);
    expectClean(customer);
  });

  it('lets an admin upload a picture, put it first and hide a product; the catalog follows', async () => {
    const [, , product] = await inStockProducts();
    const admin = await openAs('pictures', E2E_ADMIN);
    const { page } = admin;
    await enterAdmin(page);
    await openSection(page, 'products', '[data-testid="admin-product-list"]');
    await page.locator(`[data-testid="admin-product-row"][data-slug="${product!.slug}"]`).click();
    await page.getByTestId('product-editor').waitFor();
    const pictures = page.getByTestId('image-editor').locator('img');
    const before = await pictures.count();

    // A real 1×1 PNG: the server checks the bytes, not just the type.
    const uploaded = page.waitForResponse((r) => r.url().endsWith('/api/admin/images'));
    await page.getByTestId('image-upload').setInputFiles({ name: 'dot.png', mimeType: 'image/png', buffer: Buffer.from(ONE_PIXEL_PNG, 'base64') });
    expect((await uploaded).status()).toBe(201);
    await expect.poll(() => pictures.count()).toBe(before + 1);
    const url = await pictures.last().getAttribute('src');
    expect(url).toMatch(/^\/media\/u\/[0-9a-f]{64}\.png$/);
    // Move it to the front, one step at a time, with the labelled buttons.
    for (let i = before; i > 0; i--) await page.getByRole('button', { name: `Move picture ${i + 1} earlier` }).click();
    expect(await pictures.first().getAttribute('src')).toBe(url);
    await page.getByTestId('product-active').uncheck();
    await admin.screenshot('picture-added');
    const saved = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/api/admin/products/'));
    await pressMainButton(page);
    expect((await saved).status()).toBe(200);
    await page.getByTestId('toast').waitFor();

    // Hidden: gone from the public catalog, and marked in the admin list.
    await expect.poll(async () => (await fetchCatalog(env.server.url)).some((p) => p.slug === product!.slug)).toBe(false);
    await pressBackButton(page);
    const row = page.locator(`[data-testid="admin-product-row"][data-slug="${product!.slug}"]`);
    await row.getByTestId('inactive-badge').waitFor();
    expect(await row.locator('img').getAttribute('src')).toBe(url);

    // Back on sale, with the new picture on the customer's card.
    await row.click();
    await page.getByTestId('product-active').check();
    const again = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/api/admin/products/'));
    await pressMainButton(page);
    expect(JSON.parse((await again).request().postData() ?? '{}')).toEqual({ active: true });
    const customer = await openAs('pictures-customer', E2E_CUSTOMER);
    expect(await productCard(customer.page, product!.slug).locator('img').first().getAttribute('src')).toBe(url);
    expectClean(admin);
    expectClean(customer);
  });

  it('lets an admin mark a paid order shipped, and the customer is told in Telegram', async () => {
    const [, product] = await inStockProducts();
    const initData = await customerInitData();
    // Two paid orders: the search must pick the one asked for.
    await placePaidOrder(env.server.url, initData, [{ productId: product!.id, quantity: 1 }]);
    const order = await placePaidOrder(env.server.url, initData, [{ productId: product!.id, quantity: 1 }]);

    const admin = await openAs('ship', E2E_ADMIN);
    const { page } = admin;
    await enterAdmin(page);
    await page.getByTestId('admin-filter-paid').click();
    await page.getByTestId('admin-order-search').fill(order.code.toLowerCase());
    const row = page.locator(`[data-testid="admin-order-row"][data-code="${order.code}"]`);
    await row.waitFor();
    await expect.poll(() => page.getByTestId('admin-order-row').count(), { message: 'the search finds just this order' }).toBe(1);
    await admin.screenshot('orders-filtered');
    await row.click();
    await page.getByTestId('order-payments').waitFor();
    expect(await page.getByTestId('order-status').getAttribute('data-status')).toBe('paid');
    expect(await page.getByTestId('order-customer').textContent()).toBe(E2E_CUSTOMER.first_name);
    expect(await page.getByTestId('order-payments').textContent()).toMatch(/local dev chain/i);
    await admin.screenshot('order-paid');

    const before = customerMessages(order.code).length;
    await page.getByTestId('order-action-ship').click();
    await page.getByTestId('action-result').waitFor();
    expect(await page.getByTestId('order-status').getAttribute('data-status')).toBe('shipped');
    expect(await page.getByTestId('action-result').textContent()).toMatch(/marked shipped.*customer is notified/i);
    // Shipped orders can only be completed now.
    expect(await page.getByTestId('order-action-ship').count()).toBe(0);
    await page.getByTestId('order-action-complete').waitFor();
    await admin.screenshot('order-shipped');
    expect((await fetchAdminOrder(env.server.url, await signTestInitData({ botToken: E2E_BOT_TOKEN, user: E2E_ADMIN }), order.id)).status).toBe('shipped');

    // The outbox worker delivers the customer's message through the (fake) Bot API: exactly one.
    await expect
      .poll(() => customerMessages(order.code).filter((m) => /shipped/i.test(m)).length, { timeout: 15_000, message: 'shipped message to the customer' })
      .toBe(1);
    expect(customerMessages(order.code).length).toBe(before + 1);

    // Back to the list: the filter and the search are still there.
    await pressBackButton(page);
    await page.getByTestId('admin-order-list').waitFor();
    expect(await page.getByTestId('admin-order-search').inputValue()).toBe(order.code.toLowerCase());
    expect(await page.getByTestId('admin-filter-paid').getAttribute('aria-pressed')).toBe('true');
    expectClean(admin);
  });

  it('shows a shipped order’s address, phone and note, copies the address, and the orders CSV carries them', async () => {
    const [product] = await inStockProducts();
    const adminInitData = await signTestInitData({ botToken: E2E_BOT_TOKEN, user: E2E_ADMIN });
    // The shop ships to Iran by post; the other tests place orders with no delivery, so it is undone below.
    await putDeliveryMethods(env.server.url, adminInitData, [
      { id: 'post', kind: 'shipping', name: 'Post', zones: [{ id: 'ir', name: 'Iran', countries: ['IR'], feeMinor: '500000000', estimate: '2–4 days' }] },
    ]);
    try {
      const address = {
        recipientName: 'سارا احمدی',
        phone: '0912 123 4567',
        country: 'IR',
        region: 'Tehran',
        city: 'Tehran',
        line1: 'Valiasr St 12',
        line2: '',
        postalCode: '1433654321',
      };
      const order = await placePaidOrder(env.server.url, await customerInitData(), [{ productId: product!.id, quantity: 1 }], {
        delivery: { methodId: 'post', address },
        note: 'Ring twice',
      });

      const admin = await openAs('fulfil', E2E_ADMIN);
      const { page } = admin;
      await admin.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(env.server.url).origin });
      await enterAdmin(page);
      // By kind, then by the one method by name (the filter lists the shop's methods besides the kinds).
      await page.getByTestId('admin-delivery-filter').selectOption('shipping');
      const row = page.locator(`[data-testid="admin-order-row"][data-code="${order.code}"]`);
      await row.waitFor();
      await page.getByTestId('admin-delivery-filter').selectOption({ label: 'Post' });
      await expect.poll(() => new URL(page.url()).searchParams.get('delivery')).toBe('post');
      await row.waitFor();
      await row.click();
      await page.getByTestId('order-delivery').waitFor();
      const shown = await page.getByTestId('order-address').innerText();
      expect(shown).toContain('سارا احمدی');
      expect(shown).toContain('Valiasr St 12');
      expect(await page.getByTestId('order-phone').innerText()).toMatch(/\+98\s?912/);
      expect(await page.getByTestId('order-note').innerText()).toContain('Ring twice');
      expect(await page.getByTestId('order-totals').innerText()).toMatch(/Delivery/);
      await page.getByTestId('copy-address').click();
      await page.getByText('Copied').waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('Valiasr St 12');
      await admin.screenshot('order-delivery-en');

      await page.getByTestId('order-action-ship').click();
      await page.getByTestId('action-result').waitFor();
      expect(await page.getByTestId('order-status').getAttribute('data-status')).toBe('shipped');

      await pressBackButton(page);
      await page.getByTestId('admin-order-list').waitFor();
      await openSection(page, 'data', '[data-testid="import-form"]');
      const download = page.waitForEvent('download');
      await page.getByTestId('export-orders-csv').click();
      const csv = await readFile((await (await download).path())!, 'utf8');
      const line = csv.split('\r\n').find((l) => l.includes(order.code)) ?? '';
      expect(line).toContain('Valiasr St 12');
      expect(line).toMatch(/\+98\s?912/);
      expect(line).toContain('Ring twice');
      expectClean(admin);

      // The same order in Persian: the Latin address lines and the phone stay whole inside the RTL page.
      const fa = await openAs('fulfil-fa', { ...E2E_ADMIN, language_code: 'fa' });
      await enterAdmin(fa.page);
      await fa.page.getByTestId('admin-order-search').fill(order.code);
      await fa.page.locator(`[data-testid="admin-order-row"][data-code="${order.code}"]`).click();
      await fa.page.getByTestId('order-delivery').waitFor();
      await nextFrames(fa.page);
      await fa.screenshot('order-delivery-fa');
    } finally {
      await putDeliveryMethods(env.server.url, adminInitData, []);
    }
  });

  it('lets an admin create a promo code, see its uses, switch it off and delete it', async () => {
    const admin = await openAs('promo', E2E_ADMIN);
    const { page } = admin;
    await enterAdmin(page);
    await openSection(page, 'promo-codes', '[data-testid="promo-form"]');
    // A bad value is named at its field, and nothing is sent.
    await page.getByTestId('promo-code').fill('spring15');
    await page.getByTestId('promo-value').fill('150');
    await page.getByTestId('promo-save').click();
    await page.getByTestId('promo-form').getByRole('alert').first().waitFor();
    await page.getByTestId('promo-value').fill('15');
    await page.getByTestId('promo-save').click();
    const row = page.locator('[data-testid="promo-row"][data-code="SPRING15"]');
    await row.waitFor();
    expect(await row.innerText()).toMatch(/15%/);
    expect(await row.getByTestId('promo-uses').innerText()).toMatch(/Used 0/);
    await admin.screenshot('promo-created');
    await row.getByTestId('promo-deactivate').click();
    await row.getByText('switched off').waitFor();
    await row.getByTestId('promo-delete').click();
    await expect.poll(() => row.count(), { message: 'the deleted code leaves the list' }).toBe(0);
    expectClean(admin);
  });

  /**
   * The last in-stock product sold without options, its variants' table (PUT, as the admin), and the
   * variants editor opened on it. The other tests order this product by its id: each variants test gives
   * it back its one default variant (`restore`) when it ends.
   */
  async function plainProductForVariants() {
    const plain = (await inStockProducts()).filter((p) => !((p as { options?: unknown[] }).options ?? []).length);
    const product = plain[plain.length - 1]!;
    const adminInitData = await signTestInitData({ botToken: E2E_BOT_TOKEN, user: E2E_ADMIN });
    const putVariants = (body: unknown) =>
      fetch(`${env.server.url}/api/admin/products/${product.id}/variants`, {
        method: 'PUT',
        headers: { Authorization: `tma ${adminInitData}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    return {
      product,
      putVariants,
      restore: () => putVariants({ options: [], variants: [{ optionValues: [], stock: product.stock }] }),
      async openEditor(page: Page) {
        await enterAdmin(page);
        await openSection(page, 'products', '[data-testid="admin-product-list"]');
        await page.locator(`[data-testid="admin-product-row"][data-slug="${product.slug}"]`).click();
        await page.getByTestId('variants-editor').waitFor();
      },
    };
  }

  it('lets an admin give a product sizes: generate the combinations, set each one’s stock and save', async () => {
    const { product, restore, openEditor } = await plainProductForVariants();
    const admin = await openAs('variants', E2E_ADMIN);
    const { page } = admin;
    try {
      await openEditor(page);
      await page.getByTestId('add-option').click();
      await page.getByTestId('option-name-0').fill('Size');
      await page.getByTestId('option-values-0').fill('S, M');
      await page.getByTestId('generate-variants').click();
      await expect.poll(() => page.getByTestId('variant-row').count()).toBe(2);
      // A bad stock is refused before anything is sent.
      await page.getByTestId('variant-stock').nth(0).fill('many');
      await page.getByTestId('save-variants').click();
      await page.getByTestId('variants-error').waitFor();
      await page.getByTestId('variant-stock').nth(0).fill('3');
      await page.getByTestId('variant-stock').nth(1).fill('4');
      await page.getByTestId('save-variants').click();
      await page.getByText('Variants saved').waitFor();
      await admin.screenshot('variants-saved');
      const shown = (await fetchProduct(env.server.url, product.slug)) as unknown as { variants: { optionValues: string[]; stock: number }[] };
      expect(shown.variants.map((v) => [v.optionValues.join('/'), v.stock])).toEqual([
        ['S', 3],
        ['M', 4],
      ]);
      expectClean(admin);
    } finally {
      await restore();
    }
  });

  it('lets an admin take a size out without generating again, and save twice: the switched-off size stays out', async () => {
    const { product, putVariants, restore, openEditor } = await plainProductForVariants();
    const sized = await putVariants({
      options: [{ name: 'Size', values: ['S', 'M', 'L'] }],
      variants: ['S', 'M', 'L'].map((size) => ({ optionValues: [size], stock: 2 })),
    });
    expect(sized.status).toBe(200);
    const admin = await openAs('variants-removed', E2E_ADMIN);
    const { page } = admin;
    try {
      await openEditor(page);
      await expect.poll(() => page.getByTestId('variant-row').count()).toBe(3);
      await page.getByTestId('option-values-0').fill('S, M');
      await expect.poll(() => page.getByTestId('variant-row').count(), { message: 'the L row is not saved, so not shown' }).toBe(2);
      await page.getByTestId('save-variants').click();
      await page.getByText('Variants saved').waitFor();
      // The server keeps L, switched off (orders may name it), and lists it: the editor leaves it out, so a
      // second save does not send it back (the server would refuse it: 422 VARIANTS_INVALID).
      await expect.poll(() => page.getByTestId('variant-row').count()).toBe(2);
      await page.getByTestId('variant-stock').nth(1).fill('5');
      const second = page.waitForResponse((r) => r.url().includes(`/api/admin/products/${product.id}/variants`));
      await page.getByTestId('save-variants').click();
      expect((await second).status()).toBe(200);
      const shown = (await fetchProduct(env.server.url, product.slug)) as unknown as { variants: { optionValues: string[]; stock: number }[] };
      expect(shown.variants.map((v) => [v.optionValues.join('/'), v.stock])).toEqual([
        ['S', 2],
        ['M', 5],
      ]);
      expectClean(admin);
    } finally {
      await restore();
    }
  });

  it('lets an admin set up a pickup point, naming the empty fields first', async () => {
    const adminInitData = await signTestInitData({ botToken: E2E_BOT_TOKEN, user: E2E_ADMIN });
    const admin = await openAs('delivery', E2E_ADMIN);
    const { page } = admin;
    try {
      await enterAdmin(page);
      await openSection(page, 'delivery', '[data-testid="delivery-editor"]');
      await page.getByTestId('add-delivery-pickup').click();
      await page.getByTestId('save-delivery').click();
      await page.getByTestId('delivery-methods.0.name-error').waitFor();
      await page.getByTestId('delivery-methods.0.points.0.address-error').waitFor();
      await page.getByTestId('delivery-methods.0.name').fill('Pickup in town');
      await page.getByTestId('delivery-methods.0.points.0.name').fill('Main store');
      await page.getByTestId('delivery-methods.0.points.0.address').fill('Enghelab Sq 5, Tehran');
      await page.getByTestId('delivery-methods.0.points.0.hours').fill('10–20');
      await page.getByTestId('save-delivery').click();
      await page.getByText('Delivery methods saved').waitFor();
      await admin.screenshot('delivery-saved');
      const methods = (await (await fetch(`${env.server.url}/api/delivery-methods`)).json()) as {
        methods: { kind: string; name: string; points?: { address: string }[] }[];
      };
      expect(methods.methods.map((m) => [m.kind, m.name, m.points?.[0]?.address])).toEqual([['pickup', 'Pickup in town', 'Enghelab Sq 5, Tehran']]);
      expectClean(admin);
    } finally {
      await putDeliveryMethods(env.server.url, adminInitData, []);
    }
  });

  it('downloads the orders as CSV, and reports every bad row of a catalog import while changing nothing', async () => {
    const [product] = await inStockProducts();
    const order = await placePaidOrder(env.server.url, await customerInitData(), [{ productId: product!.id, quantity: 2 }]);

    // The bad import answers 422 on purpose, and Chromium logs every 4xx answer.
    const admin = await openAs('data', E2E_ADMIN, 'light', [/status of 422 \(Unprocessable (Entity|Content)\)/]);
    const { page } = admin;
    await enterAdmin(page);
    await openSection(page, 'data', '[data-testid="import-form"]');
    const download = page.waitForEvent('download');
    await page.getByTestId('export-orders-csv').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^bazaar-orders-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await file.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/code/i);
    expect(csv).toContain(order.code);
    await page.getByTestId('toast').waitFor();
    await admin.screenshot('orders-downloaded');

    // The catalog as exported, with two rows spoiled: the import must name both and change nothing.
    const catalogBefore = await fetchCatalog(env.server.url);
    const catalogDownload = page.waitForEvent('download');
    await page.getByTestId('export-catalog-csv').click();
    const rows = parseCsv(await readFile((await (await catalogDownload).path())!, 'utf8'));
    const priceColumn = rows[0]!.indexOf('priceMinor');
    expect(priceColumn, 'the catalog CSV has a priceMinor column').toBeGreaterThan(0);
    const productRows = rows.flatMap((row, i) => (row[0] === 'product' ? [i] : []));
    expect(productRows.length).toBeGreaterThan(1);
    const spoil = (nth: number, price: string) => {
      const index = productRows[nth]!;
      rows[index]![priceColumn] = price;
      return index + 1; // the CSV line number, header = 1 (no cell of the demo catalog spans lines)
    };
    const badRows = [spoil(0, 'free'), spoil(1, '-5')];
    await page.getByTestId('import-file').setInputFiles({ name: 'catalog-bad.csv', mimeType: 'text/csv', buffer: Buffer.from(formatCsv(rows)) });
    const imported = page.waitForResponse((r) => r.url().includes('/api/admin/import'));
    await page.getByTestId('import-submit').click();
    expect((await imported).status()).toBe(422);
    const report = page.getByTestId('import-report');
    await report.waitFor();
    const reportText = (await report.textContent()) ?? '';
    for (const row of badRows) expect(reportText).toContain(String(row));
    await report.scrollIntoViewIfNeeded();
    await admin.screenshot('import-report');
    expect(await fetchCatalog(env.server.url)).toEqual(catalogBefore);
    expectClean(admin);
  });

  const looks = [
    { theme: 'light', language: 'en', name: 'light' },
    { theme: 'dark', language: 'en', name: 'dark' },
    // Persian: the whole layout mirrors (dir="rtl"); the admin texts stay English until translated.
    { theme: 'light', language: 'fa', name: 'rtl' },
  ] as const;
  for (const { theme, language, name } of looks) {
    it(`draws every admin screen at 390×844 (${name}), labelled, without sideways scrolling`, async () => {
      const [product] = await inStockProducts();
      await placePaidOrder(env.server.url, await customerInitData(), [{ productId: product!.id, quantity: 1 }]);
      const admin = await openAs(`screens-${name}`, { ...E2E_ADMIN, language_code: language }, theme);
      const { page } = admin;
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(language === 'fa' ? 'rtl' : 'ltr');
      const checkLayout = async (screen: string) => {
        const layout = await measureLayout(page, 'body');
        expect(layout.scrollWidth, `${screen}: no sideways scroll`).toBeLessThanOrEqual(layout.innerWidth);
        // Every control named, headings and lists well formed, nothing only a mouse can reach (axe-core).
        expect(await findAccessibilityViolations(page), `${screen}: accessibility`).toEqual([]);
        await admin.screenshot(screen);
      };
      await enterAdmin(page);
      await page.getByTestId('admin-order-list').waitFor();
      await checkLayout('orders');
      await page.getByTestId('admin-order-row').first().click();
      await page.getByTestId('order-payments').waitFor();
      await checkLayout('order');
      await pressBackButton(page);
      await page.getByTestId('admin-order-list').waitFor();
      await openSection(page, 'products', '[data-testid="admin-product-list"]');
      await checkLayout('products');
      await page.getByTestId('admin-product-row').first().click();
      await page.getByTestId('product-editor').waitFor();
      await checkLayout('product-editor');
      await pressBackButton(page);
      await openSection(page, 'categories', '[data-testid="category-list"]');
      await checkLayout('categories');
      await openSection(page, 'payments', '[data-testid="attention-list"], [data-testid="empty-state"]');
      await checkLayout('payments');
      await openSection(page, 'sales', '[data-testid="revenue-chart"]');
      expect(await page.getByTestId('sales-totals').textContent()).toMatch(/TON/);
      await checkLayout('sales');
      await openSection(page, 'promo-codes', '[data-testid="promo-form"]');
      await checkLayout('promo-codes');
      await openSection(page, 'settings', '[data-testid="settings-form"]');
      await checkLayout('settings');
      await openSection(page, 'data', '[data-testid="import-form"]');
      await checkLayout('data');
      expectClean(admin);
    });
  }

  /** What the bot sent the customer about an order, as text. */
  function customerMessages(code: string): string[] {
    return env.botApi
      .callsOf('sendMessage')
      .filter((m) => Number(m.chat_id) === E2E_CUSTOMER.id && String(m.text).includes(code))
      .map((m) => String(m.text));
  }
});
