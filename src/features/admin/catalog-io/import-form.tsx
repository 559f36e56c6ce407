import { importFile } from './api';
import { useId, useState } from 'react';
import { tAdmin } from '../../../i18n/admin-i18n';
import { ApiError } from '../../../platform/api-client';
import { useResourceCache } from '../../../platform/services';
import { ErrorView } from '../../../ui/error-view';
import { useAdminApi } from '../common/admin-api';
import type { ExportFormat, ImportResult, ImportRowError } from '../common/admin-types';
import { readImportRows } from './import-report';

type Outcome = { kind: 'done'; result: ImportResult } | { kind: 'invalid'; message: string; rows: ImportRowError[] } | { kind: 'failed'; error: unknown };

/** The format of a chosen file, by its name first (browsers often leave CSV's type empty). */
export function formatOfFile(file: { name: string; type: string }): ExportFormat | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv') || file.type === 'text/csv') return 'csv';
  if (name.endsWith('.json') || file.type === 'application/json') return 'json';
  return null;
}

export function ImportForm() {
  const api = useAdminApi();
  const cache = useResourceCache();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const format = file ? formatOfFile(file) : null;

  const submit = async () => {
    if (!file || !format) return;
    setBusy(true);
    setOutcome(null);
    try {
      const result = await importFile(api, file, format);
      setOutcome({ kind: 'done', result });
      cache.invalidate('admin');
      cache.invalidate('catalog');
    } catch (error) {
      const rows = error instanceof ApiError && error.code === 'IMPORT_INVALID' ? readImportRows(error) : null;
      setOutcome(rows && error instanceof ApiError ? { kind: 'invalid', message: error.message, rows } : { kind: 'failed', error });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card admin-card admin-form" data-testid="import-form" onSubmit={(event) => (event.preventDefault(), void submit())}>
      <h2 className="card__title">{tAdmin('admin.data.import')}</h2>
      <p className="hint">{tAdmin('admin.data.importHint')}</p>
      <div className="admin-row admin-file">
        <input
          id={inputId}
          type="file"
          className="visually-hidden admin-file-input"
          data-testid="import-file"
          accept=".csv,.json,text/csv,application/json"
          onChange={(event) => (setFile(event.target.files?.[0] ?? null), setOutcome(null))}
        />
        <label htmlFor={inputId} className="button button--small">
          {tAdmin('admin.data.chooseFile')}
        </label>
        <span className="hint admin-file__name" dir="auto">
          {file ? file.name : tAdmin('admin.data.noFile')}
        </span>
      </div>
      {file && !format && (
        <p className="field__error" role="alert">
          {tAdmin('admin.data.wrongFormat')}
        </p>
      )}
      <button type="submit" className="button button--primary" data-testid="import-submit" disabled={!file || !format || busy} aria-busy={busy || undefined}>
        {busy && <span className="spinner" aria-hidden="true" />}
        {tAdmin('admin.data.importButton')}
      </button>
      <div role="status" aria-live="polite">
        {outcome?.kind === 'done' && (
          <p className="admin-note" data-testid="import-result">
            {tAdmin('admin.data.imported', {
              created: outcome.result.created,
              updated: outcome.result.updated,
              categories: outcome.result.categoriesCreated,
            })}
          </p>
        )}
      </div>
      {outcome?.kind === 'invalid' && (
        <div className="admin-import-report" data-testid="import-report" role="alert">
          <p className="field__error">{tAdmin('admin.data.invalid', { count: outcome.rows.length })}</p>
          <table className="admin-table">
            <caption className="visually-hidden">{tAdmin('admin.data.invalidCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{tAdmin('admin.data.row')}</th>
                <th scope="col">{tAdmin('admin.data.field')}</th>
                <th scope="col">{tAdmin('admin.data.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {outcome.rows.map((row, i) => (
                <tr key={`${row.section ?? ''}-${row.row}-${row.field}-${i}`}>
                  <th scope="row">{row.row}</th>
                  <td>
                    <span dir="ltr">{row.field}</span>
                    {row.section && <span className="hint admin-table__sub">{row.section}</span>}
                  </td>
                  <td>{row.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {outcome?.kind === 'failed' && <ErrorView compact error={outcome.error} title={tAdmin('admin.data.importFailed')} />}
    </form>
  );
}
