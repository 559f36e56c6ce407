import { Hono } from 'hono';
import { z } from 'zod';
import type { ProductWriteResult } from '../../adapters/db/product-admin-repo';
import {
  currencyField,
  descriptionField,
  imagesField,
  minorTextField,
  slugField,
  starsPriceField,
  titleField,
  translationsField,
} from '../../core/admin/product-fields';
import { PRODUCT_KINDS } from '../../core/catalog/catalog';
import type { PricingCurrency } from '../../core/pricing/currencies';
import { MAX_STOCK } from '../../core/catalog/product-limits';
import { MAX_VARIANTS, productOptionsSchema } from '../../core/catalog/variants';
import { text } from '../../core/text/storable-text';
import { presentCategory } from '../present';
import { HttpError } from '../../http/http-error';
import { categoryId, idParam, uuidId } from '../../http/id-schema';
import { readJsonBody } from '../../http/read-json-body';
import type { AdminContext, AdminEnv } from './admin-context';
import { presentAdminProduct } from './present-admin';

const priceField = minorTextField;
const productFields = {
  slug: slugField,
  title: titleField,
  description: descriptionField,
  priceMinor: priceField,
  compareAtPriceMinor: priceField.nullable(),
  /** The price in Telegram Stars of a digital product; null: not sold for Stars. */
  priceStars: starsPriceField.nullable(),
  stock: z.number().int().min(0).max(MAX_STOCK),
  categoryId: categoryId.nullable(),
  images: imagesField,
  active: z.boolean(),
  kind: z.enum(PRODUCT_KINDS),
  translations: translationsField,
  /** What the prices count: always the shop's pricing currency; optional, and refused when it is another. */
  currency: currencyField,
};

const createBody = z.object({
  ...productFields,
  description: productFields.description.default(''),
  compareAtPriceMinor: productFields.compareAtPriceMinor.default(null),
  priceStars: productFields.priceStars.default(null),
  categoryId: productFields.categoryId.default(null),
  images: productFields.images.default([]),
  active: productFields.active.default(true),
  kind: productFields.kind.default('physical'),
  translations: productFields.translations.default({}),
  stock: productFields.stock.default(0),
  currency: productFields.currency.optional(),
});

const patchBody = z
  .object(productFields)
  .partial()
  // The stock the editor showed: a stock change is refused (409 STOCK_CHANGED) if orders moved it since.
  .extend({ expectedStock: z.number().int().min(0).max(MAX_STOCK).optional() });

/** The options and the whole variants' table of one product (PUT replaces both). */
const variantsBody = z.object({
  options: productOptionsSchema,
  variants: z
    .array(
      z.object({
        id: uuidId.optional(),
        optionValues: z.array(text().trim().min(1).max(40)).max(3),
        sku: text().trim().min(1).max(64).nullable().default(null),
        priceMinor: priceField.nullable().default(null),
        stock: z.number().int().min(0).max(MAX_STOCK),
        expectedStock: z.number().int().min(0).max(MAX_STOCK).optional(),
        image: imagesField.element.nullable().default(null),
        active: z.boolean().default(true),
      }),
    )
    .min(1, 'a product has at least one variant')
    .max(MAX_VARIANTS),
});

/** What these routes read, for tests that generate requests from it (test/integration/fuzz). */
export const adminProductSchemas = { createBody, patchBody, variantsBody };

const notFound = () => new HttpError('not_found', 'PRODUCT_NOT_FOUND', 'No such product.');

/** Products, inactive ones included: create, edit, deactivate (PATCH active: false). */
export function adminProductRoutes(deps: { admin: AdminContext; clock: () => Date }) {
  const app = new Hono<AdminEnv>();

  const shopCurrency = deps.admin.pricingCurrency;

  app.get('/', async (c) => {
    const [products, categories] = await Promise.all([deps.admin.products.listProducts(), deps.admin.categories.listCategories()]);
    // A product whose `currency` is not `pricingCurrency` is not on sale until repriced: the admin flags it.
    return c.json({ products: products.map(presentAdminProduct), categories: categories.map(presentCategory), pricingCurrency: shopCurrency });
  });

  app.post('/', async (c) => {
    const { currency, ...body } = await readJsonBody(c, createBody);
    refuseOtherCurrency(currency, shopCurrency);
    const product = unwrap(await deps.admin.products.createProduct(body, deps.clock()));
    return c.json({ product: presentAdminProduct(product) }, 201);
  });

  app.patch('/:id', async (c) => {
    const id = idParam(uuidId, c.req.param('id'), notFound());
    const { expectedStock, currency, ...patch } = await readJsonBody(c, patchBody);
    refuseOtherCurrency(currency, shopCurrency);
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const product = unwrap(await deps.admin.products.updateProduct(id, defined, deps.clock(), expectedStock));
    return c.json({ product: presentAdminProduct(product) });
  });

  app.put('/:id/variants', async (c) => {
    const id = idParam(uuidId, c.req.param('id'), notFound());
    const body = await readJsonBody(c, variantsBody);
    const product = unwrap(await deps.admin.products.replaceVariants(id, body, deps.clock()));
    return c.json({ product: presentAdminProduct(product) });
  });

  return app;
}

/** A body that names its currency names the shop's, or nothing is saved: prices are only ever in the shop's. */
function refuseOtherCurrency(given: PricingCurrency | undefined, shop: PricingCurrency): void {
  if (given !== undefined && given !== shop) {
    throw new HttpError('unprocessable', 'CURRENCY_MISMATCH', `This shop prices in ${shop}: enter the prices in ${shop} (not ${given}).`);
  }
}

function unwrap(result: ProductWriteResult) {
  switch (result.kind) {
    case 'ok':
      return result.product;
    case 'slug_taken':
      throw new HttpError('conflict', 'SLUG_TAKEN', 'Another product already uses this slug; choose another.');
    case 'category_not_found':
      throw new HttpError('unprocessable', 'CATEGORY_NOT_FOUND', 'That category does not exist (it may have been deleted).');
    case 'not_found':
      throw notFound();
    case 'stock_changed':
      throw new HttpError(
        'conflict',
        'STOCK_CHANGED',
        `Orders changed the stock${result.variantLabel ? ` of ${result.variantLabel}` : ''} to ${result.currentStock} while you were editing. Check the count and save again.`,
      );
    case 'stock_is_per_variant':
      throw new HttpError('unprocessable', 'STOCK_IS_PER_VARIANT', 'This product has options: set the stock of each variant in its variants table.');
    case 'sku_taken':
      throw new HttpError('conflict', 'SKU_TAKEN', 'Another variant already uses this SKU; SKUs are unique in the shop.');
    case 'variants_invalid':
      throw new HttpError('unprocessable', 'VARIANTS_INVALID', `The variants do not fit the options: ${result.problem}.`);
    case 'currency_mismatch':
      throw new HttpError(
        'unprocessable',
        'CURRENCY_MISMATCH',
        `This product is priced in ${result.productCurrency} and the shop prices in ${result.shopCurrency}: reprice the product first (a new price in ${result.shopCurrency}), then set its other prices.`,
      );
  }
}
