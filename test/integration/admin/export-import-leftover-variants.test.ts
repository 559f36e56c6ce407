// The exit door after a product's options changed. The admin never deletes a variant it no longer lists
// (orders may name it), it switches it off: the default variant of a product that later got options, a
// size whose value was removed, the sizes of a product that got a second option or lost its options. Such
// leftovers do not fit the product's options, so they are not part of its catalog; a merchant's own export
// must import back all the same, into a new shop or the same one, in JSON and in CSV.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogToCsvRecords, type CatalogProductRecord } from '../../../functions/core/admin/catalog-records';
import { writeCsv } from '../../../functions/core/admin/csv';
import { createTestApp, type TestApp } from '../../support/test-app';
import { asAdmin, exportFile, importFile } from './admin-helpers';

const opened: TestApp[] = [];
let shop: TestApp;

async function emptyShop() {
  const t = await createTestApp({ seed: false });
  opened.push(t);
  return t;
}

/** The catalog JSON export without what differs between shops by nature: ids, timestamps, the export's time. */
function comparable(jsonExport: string) {
  const data = JSON.parse(jsonExport);
  return {
    categories: data.categories.map(({ id: _id, ...rest }: Record<string, unknown>) => rest),
    items: data.items.map(({ id: _id, createdAt: _c, updatedAt: _u, ...rest }: Record<string, unknown>) => rest),
  };
}

type Variant = { optionValues: string[]; stock: number; sku?: string; active?: boolean };

async function createProduct(slug: string, stock: number): Promise<string> {
  const res = await asAdmin(shop, '/api/admin/products', { body: { slug, title: slug, priceMinor: '1000', stock } });
  expect(res.status).toBe(201);
  return res.body.product.id;
}

async function putVariants(id: string, options: { name: string; values: string[] }[], variants: Variant[]) {
  const res = await asAdmin(shop, `/api/admin/products/${id}/variants`, { method: 'PUT', body: { options, variants } });
  expect(res.status, res.text).toBe(200);
}

/** Every variant the shop keeps for a product, switched-off leftovers included, as `values:active`, sorted. */
async function storedVariants(t: TestApp, slug: string): Promise<string[]> {
  const { body } = await asAdmin(t, '/api/admin/products');
  const product = body.products.find((p: { slug: string }) => p.slug === slug);
  return product.variants.map((v: { optionValues: string[]; active: boolean }) => `${v.optionValues.join('/') || '(default)'}:${v.active}`).sort();
}

const SIZES = { name: 'Size', values: ['S', 'M'] };

beforeAll(async () => {
  shop = await emptyShop();
  // Created without options (one default variant, 4 on the shelf), then sold in sizes: the default stays, off.
  const mug = await createProduct('mug', 4);
  await putVariants(
    mug,
    [SIZES],
    [
      { optionValues: ['S'], stock: 1, sku: 'MUG-S' },
      { optionValues: ['M'], stock: 2 },
    ],
  );
  // Size L dropped from the options: its variant stays, off, with a value the options no longer have.
  const tee = await createProduct('tee', 0);
  await putVariants(
    tee,
    [{ name: 'Size', values: ['S', 'M', 'L'] }],
    [
      { optionValues: ['S'], stock: 1 },
      { optionValues: ['M'], stock: 1 },
      { optionValues: ['L'], stock: 3, sku: 'TEE-L' },
    ],
  );
  await putVariants(
    tee,
    [SIZES],
    [
      { optionValues: ['S'], stock: 1 },
      // Switched off by the merchant while M is still an option: a variant of the catalog, exported as it is.
      { optionValues: ['M'], stock: 1, active: false },
    ],
  );
  // A second option: the sizes alone stay, off, with one value too few.
  const cap = await createProduct('cap', 0);
  await putVariants(
    cap,
    [SIZES],
    [
      { optionValues: ['S'], stock: 1 },
      { optionValues: ['M'], stock: 1 },
    ],
  );
  await putVariants(
    cap,
    [SIZES, { name: 'Colour', values: ['Red'] }],
    [
      { optionValues: ['S', 'Red'], stock: 2 },
      { optionValues: ['M', 'Red'], stock: 2 },
    ],
  );
  // Options removed again: the default variant comes back, the sizes stay, off.
  const scarf = await createProduct('scarf', 0);
  await putVariants(
    scarf,
    [SIZES],
    [
      { optionValues: ['S'], stock: 1 },
      { optionValues: ['M'], stock: 1 },
    ],
  );
  await putVariants(scarf, [], [{ optionValues: [], stock: 5 }]);

  expect(await storedVariants(shop, 'mug')).toEqual(['(default):false', 'M:true', 'S:true']);
  expect(await storedVariants(shop, 'tee')).toEqual(['(default):false', 'L:false', 'M:false', 'S:true']);
  expect(await storedVariants(shop, 'cap')).toEqual(['(default):false', 'M/Red:true', 'M:false', 'S/Red:true', 'S:false']);
  expect(await storedVariants(shop, 'scarf')).toEqual(['(default):true', 'M:false', 'S:false']);
});
afterAll(async () => {
  for (const t of opened) {
    expect(t.errors).toEqual([]);
    await t.close();
  }
});

describe('catalog export after options changed', () => {
  it('lists each product with the variants of its options, switched-off ones included, and no leftovers of older options', async () => {
    const items = JSON.parse((await exportFile(shop, 'catalog', 'json')).text).items as {
      slug: string;
      variants: { optionValues: string[]; active: boolean }[];
    }[];
    expect(Object.fromEntries(items.map((p) => [p.slug, p.variants.map((v) => `${v.optionValues.join('/') || '(default)'}:${v.active}`)]))).toEqual({
      mug: ['S:true', 'M:true'],
      tee: ['S:true', 'M:false'],
      cap: ['S/Red:true', 'M/Red:true'],
      scarf: ['(default):true'],
    });
  });

  it.each(['json', 'csv'])('round trip in %s: the export imports into an empty shop and the same catalog comes out', async (format) => {
    const file = (await exportFile(shop, 'catalog', format)).text;
    const expected = comparable((await exportFile(shop, 'catalog', 'json')).text);
    const target = await emptyShop();
    expect(await importFile(target, format, file)).toEqual({ status: 200, body: { created: 4, updated: 0, categoriesCreated: 0 } });
    expect(comparable((await exportFile(target, 'catalog', 'json')).text)).toEqual(expected);
    // A CSV has no ids or times: the new shop's export is the same file, byte for byte.
    if (format === 'csv') expect((await exportFile(target, 'catalog', format)).text).toBe(file);
  });

  it.each(['json', 'csv'])('the export imports back into the same shop in %s, changing nothing', async (format) => {
    const before = comparable((await exportFile(shop, 'catalog', 'json')).text);
    const stored = await Promise.all(['mug', 'tee', 'cap', 'scarf'].map((slug) => storedVariants(shop, slug)));
    expect(await importFile(shop, format, (await exportFile(shop, 'catalog', format)).text)).toEqual({
      status: 200,
      body: { created: 0, updated: 4, categoriesCreated: 0 },
    });
    expect(comparable((await exportFile(shop, 'catalog', 'json')).text)).toEqual(before);
    // The leftovers are still there, still off: orders that name them keep their variant.
    expect(await Promise.all(['mug', 'tee', 'cap', 'scarf'].map((slug) => storedVariants(shop, slug)))).toEqual(stored);
  });
});

/**
 * The catalog as exports wrote it before they left the leftovers out: every variant the shop keeps, in the
 * merchant's order (the admin's list is that order), written by today's JSON shape and CSV writer.
 */
async function exportWithLeftovers(t: TestApp) {
  const data = JSON.parse((await exportFile(t, 'catalog', 'json')).text);
  const { body } = await asAdmin(t, '/api/admin/products');
  type Stored = { optionValues: string[]; sku: string | null; priceOverrideMinor: string | null; stock: number; image: string | null; active: boolean };
  const storedBySlug = new Map<string, Stored[]>(body.products.map((p: { slug: string; variants: Stored[] }) => [p.slug, p.variants]));
  const items = data.items.map((item: { slug: string }) => ({
    ...item,
    variants: storedBySlug.get(item.slug)!.map(({ priceOverrideMinor, ...v }) => ({
      optionValues: v.optionValues,
      sku: v.sku,
      priceMinor: priceOverrideMinor,
      stock: v.stock,
      image: v.image,
      active: v.active,
    })),
  }));
  const records: CatalogProductRecord[] = items.map((item: CatalogProductRecord & { priceMinor: string; compareAtPriceMinor: string | null }) => ({
    ...item,
    priceMinor: BigInt(item.priceMinor),
    compareAtPriceMinor: item.compareAtPriceMinor === null ? null : BigInt(item.compareAtPriceMinor),
    variants: item.variants.map((v) => ({ ...v, priceMinor: v.priceMinor === null ? null : BigInt(v.priceMinor as unknown as string) })),
  }));
  return { json: JSON.stringify({ ...data, items }), csv: writeCsv(catalogToCsvRecords(data.categories, records)) };
}

describe('catalog import of a file exported with the leftovers (before the export left them out)', () => {
  it('imports the JSON into an empty shop without the leftovers: the catalog today’s export gives', async () => {
    const old = await exportWithLeftovers(shop);
    expect(JSON.parse(old.json).items.find((p: { slug: string }) => p.slug === 'mug').variants).toHaveLength(3);
    const target = await emptyShop();
    expect(await importFile(target, 'json', old.json)).toEqual({ status: 200, body: { created: 4, updated: 0, categoriesCreated: 0 } });
    expect(comparable((await exportFile(target, 'catalog', 'json')).text)).toEqual(comparable((await exportFile(shop, 'catalog', 'json')).text));
  });

  it('imports the CSV into an empty shop; only a removed size comes back, switched off (a CSV names an option’s values by its rows)', async () => {
    const old = await exportWithLeftovers(shop);
    const target = await emptyShop();
    expect(await importFile(target, 'csv', old.csv)).toEqual({ status: 200, body: { created: 4, updated: 0, categoriesCreated: 0 } });
    const expected = comparable((await exportFile(shop, 'catalog', 'json')).text);
    const tee = expected.items.find((p: { slug: string }) => p.slug === 'tee');
    tee.options = [{ name: 'Size', values: ['S', 'M', 'L'] }];
    tee.variants.push({ optionValues: ['L'], sku: 'TEE-L', priceMinor: null, stock: 3, image: null, active: false });
    expect(comparable((await exportFile(target, 'catalog', 'json')).text)).toEqual(expected);
  });
});
