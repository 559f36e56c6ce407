import { downloadExport } from './api';
import { useState } from 'react';
import { tAdmin } from '../../../i18n/admin-i18n';
import { ErrorView } from '../../../ui/error-view';
import { useAdminApi } from '../common/admin-api';
import type { ExportFormat, ExportKind } from '../common/admin-types';
import { ImportForm } from './import-form';
import { saveDownload } from '../common/save-download';
import { useToast } from '../common/toast';

const KINDS: readonly ExportKind[] = ['catalog', 'orders', 'customers'];
const FORMATS: readonly ExportFormat[] = ['csv', 'json'];

/** The exit door: everything the shop holds, downloadable as CSV or JSON; a catalog file imported back. */
export function DataScreen() {
  return (
    <>
      <h1 className="screen__title">{tAdmin('admin.data.title')}</h1>
      <ExportPanel />
      <ImportForm />
    </>
  );
}

function ExportPanel() {
  const api = useAdminApi();
  const toast = useToast();
  const [running, setRunning] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ error: unknown; kind: ExportKind; format: ExportFormat } | null>(null);

  const download = async (kind: ExportKind, format: ExportFormat) => {
    setRunning(`${kind}.${format}`);
    setFailure(null);
    try {
      const file = await downloadExport(api, kind, format);
      saveDownload(file, `bazaar-${kind}.${format}`);
      toast(tAdmin('admin.data.downloaded', { file: file.filename ?? `bazaar-${kind}.${format}` }));
    } catch (error) {
      setFailure({ error, kind, format });
    } finally {
      setRunning(null);
    }
  };

  return (
    <section className="card admin-card" aria-labelledby="export-title">
      <h2 id="export-title" className="card__title">
        {tAdmin('admin.data.export')}
      </h2>
      <p className="hint">{tAdmin('admin.data.exportHint')}</p>
      <ul className="admin-list">
        {KINDS.map((kind) => (
          <li key={kind} className="admin-row admin-export">
            <span>
              <strong>{tAdmin(`admin.data.kind.${kind}`)}</strong>
              <span className="hint admin-export__about">{tAdmin(`admin.data.about.${kind}`)}</span>
            </span>
            <span className="admin-row__buttons">
              {FORMATS.map((format) => (
                <button
                  key={format}
                  type="button"
                  className="button button--small"
                  data-testid={`export-${kind}-${format}`}
                  aria-label={tAdmin('admin.data.downloadLabel', { kind: tAdmin(`admin.data.kind.${kind}`), format: format.toUpperCase() })}
                  disabled={running !== null}
                  aria-busy={running === `${kind}.${format}` || undefined}
                  onClick={() => void download(kind, format)}
                >
                  {running === `${kind}.${format}` && <span className="spinner" aria-hidden="true" />}
                  {format.toUpperCase()}
                </button>
              ))}
            </span>
          </li>
        ))}
      </ul>
      {failure && (
        <ErrorView compact error={failure.error} title={tAdmin('admin.data.exportFailed')} onRetry={() => void download(failure.kind, failure.format)} />
      )}
    </section>
  );
}
