import type { Context } from 'hono';
import { encodeHex } from '../core/init-data/encoding';

/** Below this, gzip saves less than its headers cost (the Node server's compress() threshold too). */
const GZIP_MIN_BYTES = 1024;

/** A JSON answer made once and sent many times: its bytes, their gzip, and a strong ETag for each. */
export interface PreparedJson {
  identity: Uint8Array<ArrayBuffer>;
  /** Null when the platform compresses at its edge, or the body is too small to gain. */
  gzip: Uint8Array<ArrayBuffer> | null;
  /** Quoted strong ETags: a gzip body is another representation, so it has its own (RFC 9110 §8.8.3). */
  etag: string;
  gzipEtag: string;
}

/**
 * Serializes once: the ETag hashes `variant` (what else the answer depends on, e.g. the languages, so a
 * cache never hands one language's copy to another) with the body.
 */
export async function prepareJson(body: string, variant: string, options: { gzip: boolean }): Promise<PreparedJson> {
  const identity = new TextEncoder().encode(body);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${variant}\n${body}`));
  const hash = encodeHex(new Uint8Array(digest).subarray(0, 16));
  const gzip = options.gzip && identity.byteLength >= GZIP_MIN_BYTES ? await gzipBytes(identity) : null;
  return { identity, gzip, etag: `"${hash}"`, gzipEtag: `"${hash}-gzip"` };
}

/** One HTTP answer of a prepared JSON, framework-free: the Hono routes and the Node server's catalog lane send it. */
export interface PreparedAnswer {
  status: 200 | 304;
  headers: Record<string, string>;
  /** Null for a 304. */
  body: Uint8Array<ArrayBuffer> | null;
}

/** The request headers a prepared answer depends on. */
export interface PreparedRequest {
  acceptEncoding: string | undefined;
  ifNoneMatch: string | undefined;
}

/**
 * `prepared` as the client accepts it, or 304 when `If-None-Match` names this version in either
 * encoding (the client's copy, whichever, holds the same JSON). `vary` lists the request headers the
 * answer depends on besides Accept-Encoding.
 */
export function answerPreparedJson(
  request: PreparedRequest,
  prepared: PreparedJson,
  headers: { cacheControl: string; vary: readonly string[] },
): PreparedAnswer {
  const gzip = prepared.gzip && acceptsGzip(request.acceptEncoding) ? prepared.gzip : null;
  const vary = prepared.gzip ? [...headers.vary, 'Accept-Encoding'] : headers.vary;
  const common: Record<string, string> = { ETag: gzip ? prepared.gzipEtag : prepared.etag, 'Cache-Control': headers.cacheControl };
  if (vary.length > 0) common.Vary = vary.join(', ');
  if (matchesEtag(request.ifNoneMatch, [prepared.etag, prepared.gzipEtag])) return { status: 304, headers: common, body: null };
  const body = gzip ?? prepared.identity;
  // The length also tells the Node server's compress() an identity body is below its threshold (else it
  // would gzip it on every request, under a weakened ETag).
  common['Content-Type'] = 'application/json; charset=utf-8';
  common['Content-Length'] = String(body.byteLength);
  if (gzip) common['Content-Encoding'] = 'gzip';
  return { status: 200, headers: common, body };
}

/** A prepared answer from a Hono route. */
export function sendPreparedAnswer(c: Context, answer: PreparedAnswer): Response {
  return answer.body ? c.body(answer.body, 200, answer.headers) : c.body(null, 304, answer.headers);
}

/** Whether Accept-Encoding allows gzip: named with q > 0, or not named and `*` allowed (RFC 9110 §12.5.3). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let star = false;
  for (const entry of header.split(',')) {
    const [coding = '', ...params] = entry.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const allowed = qParam === undefined || Number(qParam.slice(2)) > 0;
    if (coding.trim() === 'gzip' || coding.trim() === 'x-gzip') return allowed;
    if (coding.trim() === '*') star = allowed;
  }
  return star;
}

function matchesEtag(header: string | undefined, etags: readonly string[]): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    // Weak comparison, as If-None-Match asks (RFC 9110 §13.1.2): W/"x" matches "x".
    const opaque = t.startsWith('W/') ? t.slice(2) : t;
    return t === '*' || etags.includes(opaque);
  });
}

async function gzipBytes(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
