import { Hono } from 'hono';
import { z } from 'zod';
import type { PromoCodeWithUses, PromoWriteResult } from '../../adapters/db/promo-code-repo';
import { currencyField, minorTextField } from '../../core/admin/product-fields';
import type { PricingCurrency } from '../../core/pricing/currencies';
import { normalizePromoCode } from '../../core/promotions/promo-code';
import { text } from '../../core/text/storable-text';
import { HttpError } from '../../http/http-error';
import { categoryId, idParam, uuidId } from '../../http/id-schema';
import { readJsonBody } from '../../http/read-json-body';
import type { AdminContext, AdminEnv } from './admin-context';

const fields = {
  code: text()
    .trim()
    .regex(/^[A-Za-z0-9_-]{3,32}$/, 'use 3–32 letters, digits, _ and -')
    .transform(normalizePromoCode),
  kind: z.enum(['percent', 'fixed']),
  /** percent: basis points as digits (1500 = 15 %); fixed: the amount in the smallest unit. */
  value: minorTextField,
  minSubtotalMinor: minorTextField.nullable(),
  startsAt: z.iso
    .datetime({ offset: true })
    .transform((v) => new Date(v))
    .nullable(),
  endsAt: z.iso
    .datetime({ offset: true })
    .transform((v) => new Date(v))
    .nullable(),
  maxUses: z.number().int().min(1).max(1_000_000).nullable(),
  maxUsesPerCustomer: z.number().int().min(1).max(1000).nullable(),
  categoryIds: z.array(categoryId).min(1).max(50).nullable(),
  active: z.boolean(),
  /** What amounts count: always the shop's pricing currency; optional, and refused when it is another. */
  currency: currencyField,
};

const percentRule = (body: { kind?: string; value?: bigint }) => body.kind !== 'percent' || body.value === undefined || body.value <= 10_000n;
const percentIssue = { path: ['value'], message: 'a percentage is at most 10000 basis points (100 %)' };

const createBody = z
  .object({
    ...fields,
    minSubtotalMinor: fields.minSubtotalMinor.default(null),
    startsAt: fields.startsAt.default(null),
    endsAt: fields.endsAt.default(null),
    maxUses: fields.maxUses.default(null),
    maxUsesPerCustomer: fields.maxUsesPerCustomer.default(null),
    categoryIds: fields.categoryIds.default(null),
    active: fields.active.default(true),
    currency: fields.currency.optional(),
  })
  .refine(percentRule, percentIssue);

const patchBody = z.object(fields).partial().refine(percentRule, percentIssue);

/** What these routes read, for tests that generate requests from it (test/integration/fuzz). */
export const adminPromoSchemas = { createBody, patchBody };

const notFound = () => new HttpError('not_found', 'PROMO_CODE_NOT_FOUND', 'No such promo code.');

/** Promo codes: list (with uses), create, edit, delete (or switch off a code orders used). */
export function adminPromoRoutes(deps: { admin: AdminContext; clock: () => Date }) {
  const app = new Hono<AdminEnv>();
  app.get('/', async (c) => c.json({ promoCodes: (await deps.admin.promos.listCodes()).map(presentPromo) }));
  const shopCurrency = deps.admin.pricingCurrency;
  app.post('/', async (c) => {
    const { currency, ...body } = await readJsonBody(c, createBody);
    refuseOtherCurrency(currency, shopCurrency);
    return c.json({ promoCode: presentPromo(unwrap(await deps.admin.promos.createCode(body, deps.clock()))) }, 201);
  });
  app.patch('/:id', async (c) => {
    const id = idParam(uuidId, c.req.param('id'), notFound());
    const { currency, ...body } = await readJsonBody(c, patchBody);
    refuseOtherCurrency(currency, shopCurrency);
    const defined = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
    return c.json({ promoCode: presentPromo(unwrap(await deps.admin.promos.updateCode(id, defined, deps.clock()))) });
  });
  app.delete('/:id', async (c) => {
    const id = idParam(uuidId, c.req.param('id'), notFound());
    const outcome = await deps.admin.promos.deleteCode(id, deps.clock());
    if (outcome === 'not_found') throw notFound();
    return c.json({ outcome });
  });
  return app;
}

function refuseOtherCurrency(given: PricingCurrency | undefined, shop: PricingCurrency): void {
  if (given !== undefined && given !== shop) {
    throw new HttpError('unprocessable', 'CURRENCY_MISMATCH', `This shop prices in ${shop}: enter the amounts in ${shop} (not ${given}).`);
  }
}

function unwrap(result: PromoWriteResult): PromoCodeWithUses {
  if (result.kind === 'code_taken') throw new HttpError('conflict', 'PROMO_CODE_TAKEN', 'Another promo code is already called that.');
  if (result.kind === 'not_found') throw notFound();
  if (result.kind === 'currency_mismatch') {
    throw new HttpError(
      'unprocessable',
      'CURRENCY_MISMATCH',
      `This code's amounts are in ${result.codeCurrency} and the shop prices in ${result.shopCurrency}: give its value in ${result.shopCurrency} too.`,
    );
  }
  if (result.kind === 'value_invalid') throw new HttpError('invalid', 'VALIDATION_FAILED', `value: ${percentIssue.message}, and more than 0`);
  return result.promo;
}

function presentPromo(promo: PromoCodeWithUses) {
  return {
    id: promo.id,
    code: promo.code,
    kind: promo.kind,
    value: promo.value.toString(),
    minSubtotalMinor: promo.minSubtotalMinor?.toString() ?? null,
    currency: promo.currency,
    startsAt: promo.startsAt?.toISOString() ?? null,
    endsAt: promo.endsAt?.toISOString() ?? null,
    maxUses: promo.maxUses,
    maxUsesPerCustomer: promo.maxUsesPerCustomer,
    categoryIds: promo.categoryIds,
    active: promo.active,
    usesHeld: promo.usesHeld,
    usesUsed: promo.usesUsed,
    createdAt: promo.createdAt.toISOString(),
    updatedAt: promo.updatedAt.toISOString(),
  };
}
