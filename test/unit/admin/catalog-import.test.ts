import { describe, expect, it } from 'vitest';
import { validateCatalogImport } from '../../../functions/core/admin/catalog-import';
import {
  catalogToCsvRecords,
  catalogVariants,
  csvRecordsToRawCatalog,
  jsonToRawCatalog,
  type CatalogProductRecord,
  type RawCatalogRow,
} from '../../../functions/core/admin/catalog-records';

const product = (fields: Record<string, unknown>, row = 1): RawCatalogRow => ({
  row,
  fields: { slug: 'tea', title: 'Tea', priceMinor: '100', stock: '1', ...fields },
});

function problemsOf(products: RawCatalogRow[], categories: RawCatalogRow[] = [], existing: string[] = []) {
  const result = validateCatalogImport({ products, categories }, new Set(existing), 'TON');
  return result.ok ? [] : result.problems.map((p) => `${p.section}:${p.row}:${p.field}:${p.message}`);
}

describe('validateCatalogImport', () => {
  it('accepts a minimal product and fills the defaults', () => {
    const result = validateCatalogImport({ categories: [], products: [product({})] }, new Set(), 'TON');
    expect(result).toEqual({
      ok: true,
      categories: [],
      products: [
        {
          slug: 'tea',
          title: 'Tea',
          description: '',
          currency: 'TON',
          priceMinor: 100n,
          compareAtPriceMinor: null,
          active: true,
          category: null,
          images: [],
          translations: {},
          kind: 'physical',
          options: [],
          variants: [{ optionValues: [], sku: null, priceMinor: null, stock: 1, image: null, active: true }],
        },
      ],
    });
  });

  it.each([
    [{ priceMinor: '0' }, 'priceMinor'],
    [{ priceMinor: '1.5' }, 'priceMinor'],
    [{ priceMinor: '1e9' }, 'priceMinor'],
    [{ priceMinor: '9223372036854775808' }, 'priceMinor'],
    [{ priceMinor: 1.5 }, 'priceMinor'],
    [{ priceMinor: 2 ** 60 }, 'priceMinor'],
    [{ compareAtPriceMinor: '-1' }, 'compareAtPriceMinor'],
    [{ stock: '-1' }, 'stock'],
    [{ stock: '2.5' }, 'stock'],
    [{ stock: '99999999999' }, 'stock'],
    [{ active: 'perhaps' }, 'active'],
    [{ slug: 'Tea Time' }, 'slug'],
    [{ title: '   ' }, 'title'],
    [{ images: ['javascript:alert(1)'] }, 'images.0'],
    [{ images: ['http://plain-http.example/x.png'] }, 'images.0'],
    [{ translations: { xx: { title: 'X' } } }, 'translations'],
    [{ type: 'service' }, 'type'],
    [{ currency: 'DOGE' }, 'currency'],
  ])('reports %j as a problem with %s', (fields, field) => {
    expect(problemsOf([product(fields, 7)]).map((p) => p.split(':').slice(0, 3).join(':'))).toContain(`product:7:${field}`);
  });

  it.each([
    ['active "no" as false', { active: 'no' }, { active: false }],
    ['active "TRUE" as true', { active: 'TRUE' }, { active: true }],
    ['active false as false', { active: false }, { active: false }],
    ['exact JSON numbers as amounts', { priceMinor: 5, stock: 3 }, { priceMinor: 5n, variants: [expect.objectContaining({ stock: 3 })] }],
    ['a price with spaces around it', { priceMinor: ' 42 ' }, { priceMinor: 42n }],
    ['a null compare-at price as none', { compareAtPriceMinor: null }, { compareAtPriceMinor: null }],
  ])('reads %s', (_name, fields, expected) => {
    const result = validateCatalogImport({ categories: [], products: [product(fields)] }, new Set(), 'TON');
    expect(result.ok && result.products[0]).toMatchObject(expected);
  });

  it('prices a product without a currency in the shop’s, and keeps a currency the file gives', () => {
    const result = validateCatalogImport({ categories: [], products: [product({}, 1), product({ slug: 'ton-tea', currency: 'ton' }, 2)] }, new Set(), 'USD');
    expect(result.ok && result.products.map((p) => [p.slug, p.currency])).toEqual([
      ['tea', 'USD'],
      ['ton-tea', 'TON'],
    ]);
  });

  it('says "is required" for a missing field', () => {
    expect(problemsOf([{ row: 2, fields: { slug: 'x', title: 'X', stock: 1 } }])).toEqual(['product:2:priceMinor:is required']);
  });

  it('refuses a slug listed twice, on the second row', () => {
    expect(problemsOf([product({}, 2), product({}, 3)])).toEqual(['product:3:slug:"tea" is listed twice']);
  });

  it('accepts a category from the file or the shop, and refuses one from neither', () => {
    expect(problemsOf([product({ category: 'teas' })], [{ row: 1, fields: { slug: 'teas', title: 'Teas' } }])).toEqual([]);
    expect(problemsOf([product({ category: 'teas' })], [], ['teas'])).toEqual([]);
    expect(problemsOf([product({ category: 'teas' }, 4)])).toEqual(['product:4:category:no category "teas" in the file or the shop']);
  });

  it('reports every bad row, not just the first', () => {
    const problems = problemsOf([product({ priceMinor: '0' }, 2), product({ slug: 'ok' }, 3), product({ slug: 'b', stock: '-1' }, 4)]);
    expect(problems.map((p) => p.split(':').slice(1, 3).join(':'))).toEqual(['2:priceMinor', '4:stock']);
  });

  it('positions categories by their order in the file when no position is given', () => {
    const result = validateCatalogImport(
      {
        categories: [
          { row: 1, fields: { slug: 'a', title: 'A' } },
          { row: 2, fields: { slug: 'b', title: 'B', position: '7' } },
        ],
        products: [],
      },
      new Set(),
      'TON',
    );
    expect(result.ok && result.categories).toEqual([
      { slug: 'a', title: 'A', position: 0 },
      { slug: 'b', title: 'B', position: 7 },
    ]);
  });
});

describe('catalog CSV records', () => {
  const tea: CatalogProductRecord = {
    slug: 'tea',
    title: 'Tea',
    description: 'Hot',
    currency: 'TON',
    priceMinor: 100n,
    compareAtPriceMinor: 150n,
    active: false,
    category: 'teas',
    images: ['/media/a.png', 'https://cdn.example/b.png'],
    translations: { ru: { title: 'Чай' }, fa: { description: 'داغ' } },
    kind: 'physical',
    options: [],
    variants: [{ optionValues: [], sku: null, priceMinor: null, stock: 3, image: null, active: true }],
  };

  it('reads back what it writes', () => {
    const records = catalogToCsvRecords([{ slug: 'teas', title: 'Teas', position: 2 }], [tea]);
    const raw = csvRecordsToRawCatalog(records);
    expect(raw.categories).toEqual([{ row: 2, fields: { type: 'category', slug: 'teas', title: 'Teas', position: '2' } }]);
    const result = validateCatalogImport(raw, new Set(), 'TON');
    expect(result).toEqual({ ok: true, categories: [{ slug: 'teas', title: 'Teas', position: 2 }], products: [tea] });
  });

  it('treats rows as products when there is no type column, numbering rows as a spreadsheet does', () => {
    const raw = csvRecordsToRawCatalog([
      ['slug', 'title', 'priceMinor', 'stock'],
      ['tea', 'Tea', '1', '1'],
      ['coffee', 'Coffee', '2', '2'],
    ]);
    expect(raw.products.map((p) => p.row)).toEqual([2, 3]);
    expect(raw.categories).toEqual([]);
  });

  it('writes the currency beside the prices and reads it back in a shop that prices in another', () => {
    const records = catalogToCsvRecords([], [{ ...tea, category: null, currency: 'EUR' }]);
    expect(records[0]).toContain('currency');
    const result = validateCatalogImport(csvRecordsToRawCatalog(records), new Set(), 'USD');
    expect(result.ok && result.products[0]).toMatchObject({ currency: 'EUR', priceMinor: 100n, compareAtPriceMinor: 150n });
  });

  it('reads a file exported before prices had a currency (priceNano …) as priced in TON', () => {
    const raw = csvRecordsToRawCatalog([
      ['type', 'slug', 'title', 'priceNano', 'compareAtPriceNano', 'stock', 'option1Name', 'option1Value', 'variantPriceNano'],
      ['product', 'tee', 'Tee', '12000000000', '15000000000', '1', 'Size', 'S', ''],
      ['product', 'tee', '', '', '', '2', '', 'XL', '13000000000'],
    ]);
    const result = validateCatalogImport(raw, new Set(), 'USD');
    expect(result.ok && result.products[0]).toMatchObject({
      currency: 'TON',
      priceMinor: 12_000_000_000n,
      compareAtPriceMinor: 15_000_000_000n,
      variants: [expect.objectContaining({ priceMinor: null }), expect.objectContaining({ priceMinor: 13_000_000_000n })],
    });
  });

  it('reads an old JSON export (priceNano …) as priced in TON, and a new one as it says', () => {
    const old = jsonToRawCatalog({
      kind: 'catalog',
      items: [
        { slug: 'tea', title: 'Tea', priceNano: '100', compareAtPriceNano: null, variants: [{ optionValues: [], priceNano: '90', stock: 1 }] },
        { slug: 'mate', title: 'Mate', priceMinor: '250', currency: 'EUR', stock: 1 },
      ],
    })!;
    const result = validateCatalogImport(old, new Set(), 'USD');
    expect(result.ok && result.products.map((p) => [p.currency, p.priceMinor, p.variants[0]!.priceMinor])).toEqual([
      ['TON', 100n, 90n],
      ['EUR', 250n, null],
    ]);
  });

  it('reads a JSON export, and refuses a document that is not one', () => {
    expect(jsonToRawCatalog({ kind: 'catalog', items: [{ slug: 'tea' }], categories: [] })).toEqual({
      categories: [],
      products: [{ row: 1, fields: { slug: 'tea' } }],
    });
    expect(jsonToRawCatalog([1, 2])).toBeNull();
    expect(jsonToRawCatalog({ items: 'no' })).toBeNull();
  });
});

describe('catalog import with variants', () => {
  const tee: CatalogProductRecord = {
    slug: 'tee',
    title: 'Tee',
    description: '',
    currency: 'TON',
    priceMinor: 12n,
    compareAtPriceMinor: null,
    active: true,
    category: null,
    images: [],
    translations: {},
    kind: 'physical',
    options: [
      { name: 'Size', values: ['S', 'M'] },
      { name: 'Colour', values: ['Black', 'Sand'] },
    ],
    variants: [
      { optionValues: ['S', 'Black'], sku: 'TEE-S-BLK', priceMinor: null, stock: 3, image: null, active: true },
      { optionValues: ['M', 'Black'], sku: null, priceMinor: 13n, stock: 0, image: '/media/u/tee-m.png', active: true },
      { optionValues: ['M', 'Sand'], sku: 'TEE-M-SND', priceMinor: null, stock: 2, image: null, active: false },
    ],
  };
  const gift: CatalogProductRecord = {
    ...tee,
    slug: 'gift',
    title: 'Gift card',
    kind: 'digital',
    options: [],
    variants: [{ optionValues: [], sku: null, priceMinor: null, stock: 9, image: null, active: true }],
  };

  it('writes one CSV row per variant, the product fields on the first, and reads it back the same', () => {
    const records = catalogToCsvRecords([], [tee, gift]);
    expect(records.filter((row) => row[1] === 'tee')).toHaveLength(3);
    expect(records.filter((row) => row[1] === 'tee' && row[2] === 'Tee')).toHaveLength(1);
    const result = validateCatalogImport(csvRecordsToRawCatalog(records), new Set(), 'TON');
    expect(result).toEqual({
      ok: true,
      categories: [],
      products: [
        {
          ...tee,
          options: [
            { name: 'Size', values: ['S', 'M'] },
            { name: 'Colour', values: ['Black', 'Sand'] },
          ],
        },
        gift,
      ],
    });
  });

  it('reads a JSON export (variants listed) back the same', () => {
    const json = JSON.parse(JSON.stringify({ items: [tee, gift] }, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
    expect(validateCatalogImport(jsonToRawCatalog(json)!, new Set(), 'TON')).toEqual({ ok: true, categories: [], products: [tee, gift] });
  });

  it.each([
    [
      'a row that misses an option value',
      [
        ['slug', 'title', 'priceMinor', 'stock', 'option1Name', 'option1Value'],
        ['tee', 'Tee', '1', '1', 'Size', 'S'],
        ['tee', '', '', '2', '', ''],
      ],
      'option1Value',
    ],
    [
      'a combination listed twice',
      [
        ['slug', 'title', 'priceMinor', 'stock', 'option1Name', 'option1Value'],
        ['tee', 'Tee', '1', '1', 'Size', 'S'],
        ['tee', '', '', '2', '', 'S'],
      ],
      'variants',
    ],
    [
      'a product without options on two rows',
      [
        ['slug', 'title', 'priceMinor', 'stock'],
        ['tee', 'Tee', '1', '1'],
        ['tee', 'Tee', '1', '2'],
      ],
      'slug',
    ],
  ])('refuses %s', (_name, records, field) => {
    const result = validateCatalogImport(csvRecordsToRawCatalog(records), new Set(), 'TON');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => p.field)).toContain(field);
  });
});

describe('catalogVariants', () => {
  const sizes = [{ name: 'Size', values: ['S', 'M'] }];
  const sizesAndColour = [...sizes, { name: 'Colour', values: ['Red'] }];
  const variant = (optionValues: string[], active: boolean) => ({ optionValues, active });
  const listed = (options: typeof sizes, variants: ReturnType<typeof variant>[]) =>
    catalogVariants(options, variants).map((v) => `${v.optionValues.join('/') || '(default)'}:${v.active}`);

  it.each([
    ['the default variant, once sizes came in', sizes, [variant([], false), variant(['S'], true)], ['S:true']],
    ['a size whose value was removed', sizes, [variant(['S'], true), variant(['L'], false)], ['S:true']],
    ['the sizes alone, once a colour came in', sizesAndColour, [variant(['S'], false), variant(['S', 'Red'], true)], ['S/Red:true']],
    ['the sizes, once the options went', [], [variant(['S'], false), variant([], true), variant(['M'], false)], ['(default):true']],
  ])('leaves out a switched-off leftover: %s', (_name, options, variants, expected) => {
    expect(listed(options, variants)).toEqual(expected);
  });

  it('keeps a switched-off variant of the current options, and the switched-off default of a product without options', () => {
    expect(listed(sizes, [variant(['S'], true), variant(['M'], false)])).toEqual(['S:true', 'M:false']);
    expect(listed([], [variant([], false)])).toEqual(['(default):false']);
  });

  it('keeps an active variant even if it does not fit: a fault to show, not to hide', () => {
    expect(listed(sizes, [variant(['L'], true)])).toEqual(['L:true']);
  });
});

describe('catalog import of a file exported with leftovers of earlier options', () => {
  // Until the export left them out (catalogVariants), a catalog export listed every variant the shop keeps,
  // switched-off leftovers of a product's earlier options included. Such a file imports back, without them.
  const labels = (records: string[][] | null, json?: unknown) => {
    const result = validateCatalogImport(records ? csvRecordsToRawCatalog(records) : jsonToRawCatalog(json)!, new Set(), 'TON');
    if (!result.ok) return result.problems.map((p) => `${p.row}:${p.field}:${p.message}`);
    return result.products.map((p) => [
      p.options.map((o) => `${o.name}=${o.values.join('|')}`).join(' '),
      p.variants.map((v) => `${v.optionValues.join('/') || '(default)'}:${v.active}:${v.stock}`),
    ]);
  };
  const jsonProduct = (options: { name: string; values: string[] }[], variants: { optionValues: string[]; active: boolean; stock: number }[]) => ({
    items: [{ slug: 'tee', title: 'Tee', priceMinor: '100', options, variants }],
  });
  const sizes = [{ name: 'Size', values: ['S', 'M'] }];

  it.each([
    ['the default variant, once sizes came in', sizes, [[], ['S'], ['M']], ['S:true:1', 'M:true:2']],
    ['a size whose value was removed', sizes, [['L'], ['S'], ['M']], ['S:true:1', 'M:true:2']],
    [
      'the sizes alone, once a colour came in',
      [...sizes, { name: 'Colour', values: ['Red'] }],
      [['S'], ['S', 'Red'], ['M', 'Red']],
      ['S/Red:true:1', 'M/Red:true:2'],
    ],
    ['the sizes, once the options went', [], [['S'], []], ['(default):true:1']],
  ])('JSON: skips a switched-off leftover, %s', (_name, options, values, expected) => {
    // The first variant is the leftover: switched off, 7 on its shelf; the others are sold.
    const variants = values.map((optionValues, i) => ({ optionValues, active: i > 0, stock: i === 0 ? 7 : i }));
    expect(labels(null, jsonProduct(options, variants))).toEqual([[options.map((o) => `${o.name}=${o.values.join('|')}`).join(' '), expected]]);
  });

  it('JSON: still refuses an active variant that does not fit, and a product whose every variant is such a leftover', () => {
    expect(labels(null, jsonProduct(sizes, [{ optionValues: [], active: true, stock: 1 }]))).toEqual(['1:variants:"" does not name one value of each option']);
    expect(labels(null, jsonProduct(sizes, [{ optionValues: [], active: false, stock: 1 }]))).toEqual([
      '1:variants:a product with options lists at least one of its variants',
    ]);
  });

  const header = ['slug', 'title', 'priceMinor', 'stock', 'option1Name', 'option1Value', 'option2Name', 'option2Value', 'variantActive'];
  it.each([
    [
      'the default variant, once sizes came in (a row without its size)',
      [
        ['tee', 'Tee', '100', '7', 'Size', '', '', '', 'false'],
        ['tee', '', '', '1', 'Size', 'S', '', '', 'true'],
        ['tee', '', '', '2', 'Size', 'M', '', '', 'true'],
      ],
      ['Size=S|M', ['S:true:1', 'M:true:2']],
    ],
    [
      'the sizes alone, once a colour came in (a row without its colour)',
      [
        ['tee', 'Tee', '100', '1', 'Size', 'S', 'Colour', 'Red', 'true'],
        ['tee', '', '', '7', 'Size', 'S', 'Colour', '', 'false'],
      ],
      ['Size=S Colour=Red', ['S/Red:true:1']],
    ],
    [
      'the sizes and colours, once the colour went (rows repeating an active size)',
      [
        ['tee', 'Tee', '100', '7', 'Size', 'S', '', '', 'false'],
        ['tee', '', '', '1', 'Size', 'S', '', '', 'true'],
        ['tee', '', '', '7', 'Size', 'S', '', '', 'false'],
      ],
      ['Size=S', ['S:true:1']],
    ],
    [
      'the sizes, once the options went (rows repeating the active default)',
      [
        ['tee', 'Tee', '100', '7', '', '', '', '', 'false'],
        ['tee', '', '', '1', '', '', '', '', 'true'],
      ],
      ['', ['(default):true:1']],
    ],
  ])('CSV: skips a switched-off leftover, %s', (_name, rows, expected) => {
    expect(labels([header, ...rows])).toEqual([expected]);
  });

  it.each([
    ['an active row without its size', [['tee', 'Tee', '100', '1', 'Size', '', '', '', 'true']], '2:option1Value:is required'],
    [
      'two switched-off rows of one combination',
      [
        ['tee', 'Tee', '100', '1', 'Size', 'S', '', '', 'false'],
        ['tee', '', '', '2', 'Size', 'S', '', '', 'false'],
      ],
      '2:variants:"S" is listed twice',
    ],
    [
      'two switched-off rows of a product without options',
      [
        ['tee', 'Tee', '100', '1', '', '', '', '', 'false'],
        ['tee', '', '', '2', '', '', '', '', 'false'],
      ],
      '3:slug:"tee" is listed twice',
    ],
    ['only a switched-off row without its size', [['tee', 'Tee', '100', '1', 'Size', '', '', '', 'false']], '2:option1Name:give at least one value'],
  ])('CSV: still refuses %s', (_name, rows, expected) => {
    expect(labels([header, ...rows])).toEqual([expected]);
  });
});
