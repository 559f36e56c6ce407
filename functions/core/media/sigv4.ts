import type { CryptoPort } from '../crypto-port';
import { encodeHex } from '../init-data/encoding';

// AWS Signature Version 4 for S3 with the payload signed in a single chunk ("Signature Calculations for
// the Authorization Header: Transferring Payload in a Single Chunk", S3 API reference). Pure: the
// hashing and HMAC come in through the CryptoPort, so this runs on Node, Workers, Vercel and Netlify alike.

/** One request to sign. Header names may be in any case; every header given is signed. */
export interface SigV4Request {
  method: string;
  /** The path as sent, before encoding: each segment is URI-encoded here (S3 encodes once, keeps `/`). */
  path: string;
  query?: Record<string, string>;
  headers: Record<string, string>;
  /** Lowercase hex SHA-256 of the body, the same value as the `x-amz-content-sha256` header. */
  payloadHash: string;
}

/** Who signs, where, and when. */
export interface SigV4Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  service: string;
}

export interface SigV4Signature {
  canonicalRequest: string;
  stringToSign: string;
  /** Lowercase hex. */
  signature: string;
  /** The `Authorization` header's value. */
  authorization: string;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';

/** `20130524T000000Z`: the `x-amz-date` format (ISO 8601 basic, UTC, whole seconds). */
export function formatAmzDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/**
 * URI-encodes as SigV4 requires: every byte except A-Z a-z 0-9 - . _ ~ as %XX (uppercase hex); `/` is
 * kept when encoding a path. encodeURIComponent leaves ! ' ( ) * alone, which S3 would encode.
 */
export function uriEncode(text: string, keepSlash = false): string {
  const encoded = encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return keepSlash ? encoded.replace(/%2F/g, '/') : encoded;
}

/** The canonical request: method, path, sorted query, sorted lowercase headers, their names, payload hash. */
export function buildCanonicalRequest(request: SigV4Request): string {
  const query = Object.entries(request.query ?? {})
    .map(([name, value]) => [uriEncode(name), uriEncode(value)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  const headers = canonicalHeaders(request.headers);
  return [
    request.method.toUpperCase(),
    uriEncode(request.path, true),
    query,
    headers.map(([name, value]) => `${name}:${value}\n`).join(''),
    headers.map(([name]) => name).join(';'),
    request.payloadHash,
  ].join('\n');
}

/**
 * Signs `request` at `amzDate` (the value sent as `x-amz-date`, which must be among its headers).
 * @returns the intermediate strings too, so a failure can be compared with the server's own.
 */
export async function signSigV4(crypto: CryptoPort, credentials: SigV4Credentials, request: SigV4Request, amzDate: string): Promise<SigV4Signature> {
  const day = amzDate.slice(0, 8);
  const scope = `${day}/${credentials.region}/${credentials.service}/aws4_request`;
  const canonicalRequest = buildCanonicalRequest(request);
  const stringToSign = [ALGORITHM, amzDate, scope, encodeHex(await crypto.sha256(canonicalRequest))].join('\n');
  let key: Uint8Array = new TextEncoder().encode(`AWS4${credentials.secretAccessKey}`);
  for (const part of [day, credentials.region, credentials.service, 'aws4_request', stringToSign]) {
    key = await (await crypto.importHmacSha256Key(key)).sign(part);
  }
  const signature = encodeHex(key);
  const signedHeaders = canonicalHeaders(request.headers)
    .map(([name]) => name)
    .join(';');
  const authorization = `${ALGORITHM} Credential=${credentials.accessKeyId}/${scope},SignedHeaders=${signedHeaders},Signature=${signature}`;
  return { canonicalRequest, stringToSign, signature, authorization };
}

function canonicalHeaders(headers: Record<string, string>): Array<readonly [string, string]> {
  return Object.entries(headers)
    .map(([name, value]) => [name.toLowerCase(), value.trim().replace(/\s+/g, ' ')] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
