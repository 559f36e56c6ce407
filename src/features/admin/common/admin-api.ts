// The merchant's API client: admin verbs (send, upload, download) over the platform's one HTTP layer
// (createHttp in platform/api-client.ts), in the lazy admin chunk.
import { useMemo } from 'react';
import { ApiError, createHttp } from '../../../platform/api-client';
import { usePlatform } from '../../../platform/services';

export interface Download {
  blob: Blob;
  /** From Content-Disposition; null when the server named none. */
  filename: string | null;
}

export interface AdminApi {
  get<T>(path: string): Promise<T>;
  send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T>;
  /** A raw body (an image, an import file) with its own Content-Type. */
  upload<T>(path: string, body: Blob, contentType: string, headers?: Record<string, string>): Promise<T>;
  /** A file download (export): the body as a Blob, to save through an object URL. */
  download(path: string): Promise<Download>;
}

/** An admin call's 4xx/5xx: the platform's ApiError, which keeps the whole error body (an import's 422 rows). */
export { ApiError as AdminApiError } from '../../../platform/api-client';

export interface AdminApiOptions {
  fetch: typeof fetch;
  initDataRaw: string;
  baseUrl?: string;
  timeoutMs?: number;
}

/** `attachment; filename="bazaar-orders-2026-11-23.csv"` → the file name (RFC 6266, quoted or token form). */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(header);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}

export function createAdminApi(options: AdminApiOptions): AdminApi {
  // The platform's HTTP layer (headers, timeout, error parsing); imports and exports take longer.
  const call = createHttp({ timeoutMs: 30_000, ...options });

  async function json<T>(response: Response): Promise<T> {
    // 204 (a deleted category) has no body.
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  return {
    get: async (path) => json(await call(path)),
    send: async (method, path, body) =>
      json(
        await call(path, {
          method,
          body: body === undefined ? undefined : JSON.stringify(body),
          contentType: body === undefined ? undefined : 'application/json',
        }),
      ),
    upload: async (path, body, contentType, headers) => json(await call(path, { method: 'POST', body, contentType, ...(headers && { headers }) })),
    download: async (path) => {
      const response = await call(path);
      return { blob: await response.blob(), filename: filenameFromDisposition(response.headers.get('Content-Disposition')) };
    },
  };
}

/** The admin client for the signed-in person, from the platform's initData. */
export function useAdminApi(): AdminApi {
  const { initDataRaw } = usePlatform();
  return useMemo(() => createAdminApi({ fetch: (...args) => window.fetch(...args), initDataRaw }), [initDataRaw]);
}

/** True for the answers that mean "not an admin" rather than "something broke". */
export function isNotAdmin(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 403 || error.status === 401);
}
