// The catalog-io screens' calls to the admin API: the only place their URLs are written.
import type { AdminApi } from '../common/admin-api';
import type { ImportResult } from '../common/admin-types';

export const downloadExport = (api: AdminApi, kind: string, format: string) => api.download(`/api/admin/export?kind=${kind}&format=${format}`);

export const importFile = (api: AdminApi, file: Blob, format: 'csv' | 'json') =>
  api.upload<ImportResult>(`/api/admin/import?format=${format}`, file, format === 'csv' ? 'text/csv' : 'application/json');
