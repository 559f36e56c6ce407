import { AdminApiError } from '../common/admin-api';
import type { ImportRowError } from '../common/admin-types';

/** The bad rows of an import's 422 IMPORT_INVALID (docs/api.md); null when the answer lists none. */
export function readImportRows(error: unknown): ImportRowError[] | null {
  if (!(error instanceof AdminApiError)) return null;
  const rows = (error.body as { error?: { rows?: unknown } } | null)?.error?.rows;
  if (!Array.isArray(rows)) return null;
  return rows.flatMap((row: unknown) => {
    if (!row || typeof row !== 'object') return [];
    const { row: line, section, field, message } = row as Record<string, unknown>;
    if (typeof line !== 'number' || typeof message !== 'string') return [];
    return [{ row: line, field: typeof field === 'string' ? field : '', message, ...(typeof section === 'string' && { section }) }];
  });
}
