import { Hono } from 'hono';
import { z } from 'zod';
import { csvRecordsToRawCatalog, jsonToRawCatalog, type RawCatalog } from '../../core/admin/catalog-records';
import { CsvSyntaxError, parseCsv } from '../../core/admin/csv';
import { HttpError } from '../../http/http-error';
import type { AdminContext, AdminEnv } from './admin-context';
import { readRawBody } from './read-raw-body';

const importQuery = z.object({ format: z.enum(['csv', 'json']) });

/** What these routes read, for tests that generate requests from it (test/integration/fuzz). */
export const adminImportSchemas = { importQuery };

/** Largest import file: a catalog of several thousand products with long descriptions. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/**
 * Imports a catalog from the catalog export's own format. All or nothing: a file with any bad row
 * answers 422 IMPORT_INVALID listing every bad row, and the shop is left untouched.
 */
export function adminImportRoutes(deps: { admin: AdminContext; clock: () => Date }) {
  const app = new Hono<AdminEnv>();
  app.post('/', async (c) => {
    const { format } = importQuery.parse(c.req.query());
    const text = decodeUtf8(await readRawBody(c.req.raw, MAX_IMPORT_BYTES));
    const raw = format === 'csv' ? readCsv(text) : readJson(text);
    if (raw.products.length === 0 && raw.categories.length === 0) throw unreadable('The file has no rows to import.');
    const outcome = await deps.admin.imports.importCatalog(raw, deps.clock());
    if (outcome.kind === 'invalid') {
      const count = new Set(outcome.problems.map((p) => `${p.section}:${p.row}`)).size;
      return c.json(
        {
          error: {
            code: 'IMPORT_INVALID',
            message: `Nothing was imported: ${count} row${count === 1 ? ' has' : 's have'} problems. Fix them and import the file again.`,
            rows: outcome.problems,
          },
        },
        422,
      );
    }
    return c.json({ created: outcome.created, updated: outcome.updated, categoriesCreated: outcome.categoriesCreated });
  });
  return app;
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw unreadable('The file is not UTF-8 text. Save it as “CSV UTF-8” (or JSON) and try again.');
  }
}

function readCsv(text: string): RawCatalog {
  let records: string[][];
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw unreadable(`The CSV cannot be read: ${error.message}`);
    throw error;
  }
  if (!records[0]?.some((name) => name.trim() === 'slug')) {
    throw unreadable('The CSV needs a header row with at least a “slug” column (export the catalog to see the format).');
  }
  return csvRecordsToRawCatalog(records);
}

function readJson(text: string): RawCatalog {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw unreadable('The file is not valid JSON.');
  }
  const kind = (data as { kind?: unknown } | null)?.kind;
  if (kind !== undefined && kind !== 'catalog') throw unreadable(`This is a ${String(kind)} export; only a catalog can be imported.`);
  const raw = jsonToRawCatalog(data);
  if (!raw) throw unreadable('Expected a catalog export: { "kind": "catalog", "items": [...], "categories": [...] }.');
  return raw;
}

function unreadable(message: string): HttpError {
  return new HttpError('invalid', 'IMPORT_UNREADABLE', message);
}
