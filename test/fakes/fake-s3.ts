import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for an S3-compatible bucket (AWS S3, R2's S3 API, B2, MinIO), which tests cannot reach. Real
 * HTTP on 127.0.0.1, path-style (`/<bucket>/<key>`), PUT and GET Object only. Every request's AWS
 * Signature V4 is checked with the shared secret by its own implementation here (node:crypto, written
 * from the S3 docs, not the code under test), and answered as S3 answers: 200 with an ETag on PUT, the
 * object with its Content-Type and Cache-Control on GET, XML errors: 404 NoSuchKey / NoSuchBucket,
 * 403 SignatureDoesNotMatch / InvalidAccessKeyId / RequestTimeTooSkewed, 400 XAmzContentSHA256Mismatch.
 */
export interface FakeS3 {
  /** The endpoint to configure (S3_ENDPOINT), e.g. http://127.0.0.1:41234. */
  endpoint: string;
  bucket: string;
  objects: Map<string, FakeS3Object>;
  /** Every request, in arrival order, with the status it got and the S3 error code if any. */
  requests: { method: string; path: string; status: number; code?: string }[];
  close(): Promise<void>;
}

export interface FakeS3Object {
  bytes: Uint8Array;
  contentType: string | undefined;
  cacheControl: string | undefined;
  etag: string;
}

export interface FakeS3Options {
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/** Starts the fake on a free port. */
export async function startFakeS3(options: FakeS3Options): Promise<FakeS3> {
  const objects = new Map<string, FakeS3Object>();
  const requests: FakeS3['requests'] = [];

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://fake-s3');
    const method = req.method ?? 'GET';
    const answer = (status: number, code?: string, message?: string, headers: Record<string, string> = {}, payload?: Uint8Array) => {
      requests.push({ method, path: url.pathname, status, ...(code && { code }) });
      if (code) {
        headers['content-type'] = 'application/xml';
        payload = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`);
      }
      res.writeHead(status, headers).end(payload);
    };

    const problem = verifySignature(req, url, body, options);
    if (problem) return answer(problem.status, problem.code, problem.message);

    const [, bucket, ...rest] = url.pathname.split('/');
    const key = rest.map((s) => decodeURIComponent(s)).join('/');
    if (decodeURIComponent(bucket ?? '') !== options.bucket) return answer(404, 'NoSuchBucket', 'The specified bucket does not exist');
    if (!key) return answer(400, 'InvalidRequest', 'Only object requests are supported by this fake');
    if (method === 'PUT') {
      const etag = `"${createHash('md5').update(body).digest('hex')}"`;
      objects.set(key, {
        bytes: new Uint8Array(body),
        contentType: header(req, 'content-type'),
        cacheControl: header(req, 'cache-control'),
        etag,
      });
      return answer(200, undefined, undefined, { etag });
    }
    if (method === 'GET') {
      const object = objects.get(key);
      if (!object) return answer(404, 'NoSuchKey', 'The specified key does not exist.');
      return answer(
        200,
        undefined,
        undefined,
        {
          etag: object.etag,
          'content-length': String(object.bytes.length),
          ...(object.contentType && { 'content-type': object.contentType }),
          ...(object.cacheControl && { 'cache-control': object.cacheControl }),
        },
        object.bytes,
      );
    }
    return answer(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket: options.bucket,
    objects,
    requests,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

type Problem = { status: number; code: string; message: string };

// AWS Signature V4, header form, single-chunk signed payload: the server's side of the calculation.
function verifySignature(req: IncomingMessage, url: URL, body: Buffer, options: FakeS3Options): Problem | null {
  const denied = (code: string, message: string): Problem => ({ status: 403, code, message });
  const match =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/.exec(
      header(req, 'authorization') ?? '',
    );
  if (!match) return { status: 400, code: 'AuthorizationHeaderMalformed', message: 'The authorization header is malformed' };
  const [, accessKeyId, day, region, service, signedHeaders, signature] = match as unknown as string[];
  if (accessKeyId !== options.accessKeyId) return denied('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
  if (region !== options.region || service !== 's3') {
    return { status: 400, code: 'AuthorizationHeaderMalformed', message: `the region '${region}' is wrong; expecting '${options.region}'` };
  }
  const amzDate = header(req, 'x-amz-date') ?? '';
  const time = Date.parse(amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
  if (Number.isNaN(time) || !amzDate.startsWith(day!)) return denied('AccessDenied', 'x-amz-date is missing or does not match the credential scope');
  if (Math.abs(Date.now() - time) > 15 * 60_000)
    return denied('RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.');

  const payloadHash = header(req, 'x-amz-content-sha256');
  if (!payloadHash) return { status: 400, code: 'InvalidRequest', message: 'Missing required header for this request: x-amz-content-sha256' };
  if (payloadHash !== createHash('sha256').update(body).digest('hex')) {
    return { status: 400, code: 'XAmzContentSHA256Mismatch', message: "The provided 'x-amz-content-sha256' header does not match what was computed." };
  }
  const names = signedHeaders!.split(';');
  if (!names.includes('host') || !names.includes('x-amz-date') || !names.includes('x-amz-content-sha256')) {
    return denied('AccessDenied', 'host, x-amz-date and x-amz-content-sha256 must be signed');
  }
  const canonicalHeaders = names.map((name) => `${name}:${(header(req, name) ?? '').trim().replace(/ +/g, ' ')}\n`).join('');
  const canonicalUri = url.pathname
    .split('/')
    .map((s) => s3Encode(decodeURIComponent(s)))
    .join('/');
  const canonicalQuery = [...url.searchParams]
    .map(([k, v]) => `${s3Encode(k)}=${s3Encode(v)}`)
    .sort()
    .join('&');
  const canonicalRequest = [req.method, canonicalUri, canonicalQuery, canonicalHeaders, signedHeaders, payloadHash].join('\n');
  const scope = `${day}/${region}/s3/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, createHash('sha256').update(canonicalRequest).digest('hex')].join('\n');
  const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${options.secretAccessKey}`, day!), region!), 's3'), 'aws4_request');
  const expected = createHmac('sha256', signingKey).update(stringToSign).digest();
  if (!timingSafeEqual(expected, Buffer.from(signature!, 'hex'))) {
    return denied('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your key and signing method.');
  }
  return null;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

// RFC 3986 unreserved characters pass, every other byte is %XX in uppercase (the S3 docs' UriEncode).
function s3Encode(text: string): string {
  return Array.from(Buffer.from(text, 'utf8'), (byte) => {
    const c = String.fromCharCode(byte);
    return /[A-Za-z0-9\-._~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }).join('');
}
