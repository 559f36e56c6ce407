import type { CryptoPort } from '../../core/crypto-port';
import { DomainError } from '../../core/domain-error';
import { encodeHex } from '../../core/init-data/encoding';
import { assertBlobKey, contentTypeOfBlobKey, isBlobKey, type BlobStore } from '../../core/media/blob-store';
import { formatAmzDate, signSigV4 } from '../../core/media/sigv4';

/** Where the bucket is and who may write to it (BLOB_STORE=s3 and the S3_* settings). */
export interface S3Settings {
  /** The service's base URL, e.g. https://<account>.r2.cloudflarestorage.com; a path prefix is kept. */
  endpoint: string;
  bucket: string;
  /** `auto` for R2; the bucket's region for AWS, B2, Supabase. */
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/** The store's bucket could not be reached or refused us: not the uploader's fault, and not stored. */
export class BlobStoreUnavailableError extends DomainError {
  constructor(message: string) {
    super('unavailable', 'BLOB_STORE_UNAVAILABLE', message);
  }
}

// Same policy as the R2 store and the shop's /media/u/ route: a key's bytes never change.
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Uploaded files in an S3-compatible bucket (AWS S3, Cloudflare R2's S3 API, Backblaze B2, Supabase
 * Storage, MinIO), for hosts without a disk. Path-style URLs (`<endpoint>/<bucket>/<key>`, which every one
 * of those accepts), each request signed with AWS Signature V4 over Web Crypto, so it runs on any
 * runtime. `readFallback` is asked for keys the bucket lacks (images uploaded before the bucket was set).
 * @throws BlobStoreUnavailableError when the bucket answers anything but success (or 404 on a read)
 */
export function createS3BlobStore(
  settings: S3Settings,
  deps: { crypto: CryptoPort; fetch?: typeof fetch; now?: () => Date; readFallback?: BlobStore; timeoutMs?: number },
): BlobStore {
  const doFetch = deps.fetch ?? fetch;
  // A bucket that hangs must not hold an upload (or a serverless function's whole budget) open.
  const timeoutMs = deps.timeoutMs ?? 15_000;
  const now = deps.now ?? (() => new Date());
  const base = new URL(settings.endpoint);
  const prefix = base.pathname.replace(/\/+$/, '');
  const credentials = { ...settings, service: 's3' };

  async function send(method: 'PUT' | 'GET', key: string, body?: { bytes: Uint8Array; contentType: string }) {
    const path = `${prefix}/${settings.bucket}/${key}`;
    const payloadHash = encodeHex(await deps.crypto.sha256(body?.bytes ?? new Uint8Array()));
    const amzDate = formatAmzDate(now());
    const headers: Record<string, string> = {
      host: base.host,
      'x-amz-content-sha256': payloadHash,
      'x-amz-date': amzDate,
      ...(body && { 'content-type': body.contentType, 'cache-control': IMMUTABLE }),
    };
    const { authorization } = await signSigV4(deps.crypto, credentials, { method, path, headers, payloadHash }, amzDate);
    const { host: _host, ...sent } = headers; // fetch sets Host itself, from the URL: the same value.
    const url = `${base.origin}${path}`;
    try {
      return await doFetch(url, {
        method,
        headers: { ...sent, authorization },
        signal: AbortSignal.timeout(timeoutMs),
        ...(body && { body: body.bytes as Uint8Array<ArrayBuffer> }),
      });
    } catch (error) {
      throw new BlobStoreUnavailableError(`The image store at ${base.host} could not be reached (${describe(error)}).`);
    }
  }

  return {
    async put(key, blob) {
      assertBlobKey(key);
      // A PUT of a key that exists rewrites the same bytes (keys are content hashes): no check first.
      const response = await send('PUT', key, blob);
      if (!response.ok) throw unavailable('store', response.status, await response.text().catch(() => ''));
      await response.body?.cancel();
    },
    async get(key) {
      if (!isBlobKey(key)) return null;
      // The type comes from the key's extension (sniffed at upload), as in the other stores.
      const contentType = contentTypeOfBlobKey(key);
      if (!contentType) return null;
      const response = await send('GET', key);
      if (response.status === 404) {
        const text = await response.text().catch(() => '');
        // A missing bucket is a setting to fix, not a missing picture: say so rather than answer 404.
        if (errorCode(text) === 'NoSuchBucket') throw unavailable('read', 404, text);
        return deps.readFallback ? deps.readFallback.get(key) : null;
      }
      if (!response.ok) throw unavailable('read', response.status, await response.text().catch(() => ''));
      return { bytes: new Uint8Array(await response.arrayBuffer()), contentType };
    },
  };
}

// S3 errors are XML: <Error><Code>SignatureDoesNotMatch</Code><Message>…</Message></Error>.
function errorCode(xml: string): string | undefined {
  return /<Code>([^<]{1,100})<\/Code>/.exec(xml)?.[1];
}

function unavailable(action: string, status: number, body: string): BlobStoreUnavailableError {
  const code = errorCode(body);
  return new BlobStoreUnavailableError(`The image store refused to ${action} the file: HTTP ${status}${code ? ` ${code}` : ''}.`);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
