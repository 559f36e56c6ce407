import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { adminCategorySchemas } from '../../../functions/api/admin/category-routes';
import { adminExportSchemas } from '../../../functions/api/admin/export-routes';
import { adminImportSchemas } from '../../../functions/api/admin/import-routes';
import { adminOrderSchemas } from '../../../functions/api/admin/order-routes';
import { adminPaymentSchemas } from '../../../functions/api/admin/payment-routes';
import { adminProductSchemas } from '../../../functions/api/admin/product-routes';
import { adminSalesSchemas } from '../../../functions/api/admin/sales-routes';
import { adminSettingsSchemas } from '../../../functions/api/admin/settings-routes';
import { catalogSchemas } from '../../../functions/api/catalog-routes';
import { orderSchemas } from '../../../functions/api/order-routes';
import { tonProofSchemas } from '../../../functions/api/ton-proof-routes';
import { catalogImportRows } from '../../../functions/core/admin/catalog-import';
import { isTextInvalidIssue, text } from '../../../functions/core/text/storable-text';

// Every schema a route reads text with. Two are left out on purpose: the Login Widget's body (its
// signature is over the text as sent; what is stored is made storable after it verifies) and the
// Telegram update's (read with the text already made storable): see docs/api.md, "Text".
const ROUTE_SCHEMAS: Record<string, Record<string, z.ZodType>> = {
  adminCategorySchemas,
  adminExportSchemas,
  adminImportSchemas,
  adminOrderSchemas,
  adminPaymentSchemas,
  adminProductSchemas,
  adminSalesSchemas,
  adminSettingsSchemas,
  catalogSchemas,
  orderSchemas,
  tonProofSchemas,
  catalogImportRows,
};

type Def = { type: string; format?: string; [key: string]: unknown };

/** Every string schema inside `schema`, with where it is. */
function stringsIn(schema: z.ZodType, path: string): { path: string; schema: z.ZodType; def: Def }[] {
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  const inner = (key: string, at = path) => stringsIn(def[key] as z.ZodType, at);
  switch (def.type) {
    case 'string':
      return [{ path, schema, def }];
    case 'object':
      return [
        ...Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([key, value]) => stringsIn(value, `${path}.${key}`)),
        ...(def.catchall ? inner('catchall', `${path}.*`) : []),
      ];
    case 'array':
      return inner('element', `${path}[]`);
    case 'union':
      return (def.options as z.ZodType[]).flatMap((option) => stringsIn(option, path));
    case 'pipe':
      return [...inner('in'), ...inner('out')];
    case 'record':
      return [...inner('keyType', `${path}{key}`), ...inner('valueType', `${path}{}`)];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return inner('innerType');
    default:
      return [];
  }
}

const strings = Object.entries(ROUTE_SCHEMAS).flatMap(([module, schemas]) =>
  Object.entries(schemas).flatMap(([name, schema]) => stringsIn(schema, `${module}.${name}`)),
);

describe('the routes’ schemas', () => {
  it('have text fields to check', () => {
    expect(strings.length).toBeGreaterThan(30);
  });

  it.each(strings.filter((s) => !s.def.format).map((s) => [s.path, s.schema] as const))(
    '%s refuses U+0000 and lone surrogates by the text rule',
    (_path, schema) => {
      for (const bad of ['Tea\u0000', 'Tea \uD83D', '\uDE00']) {
        const result = schema.safeParse(bad);
        expect(result.success).toBe(false);
        expect(result.error!.issues.some(isTextInvalidIssue)).toBe(true);
      }
    },
  );

  it.each(strings.filter((s) => s.def.format).map((s) => [s.path, s.def.format, s.schema] as const))(
    '%s (a %s) refuses them by its format',
    (_path, _format, schema) => {
      for (const bad of ['00000000-0000-0000-0000-00000000000\u0000', '\uD83D']) expect(schema.safeParse(bad).success).toBe(false);
    },
  );

  it('would catch a text field that skipped the rule', () => {
    const found = stringsIn(z.object({ ok: text(), forgot: z.string() }), 'x').filter(
      (s) => !s.schema.safeParse('\u0000').error?.issues.some(isTextInvalidIssue),
    );
    expect(found.map((s) => s.path)).toEqual(['x.forgot']);
  });
});
