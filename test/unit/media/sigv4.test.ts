import { describe, expect, it } from 'vitest';
import { nodeCrypto } from '../../../functions/adapters/crypto/node-crypto';
import { webCrypto } from '../../../functions/adapters/crypto/web-crypto';
import { buildCanonicalRequest, formatAmzDate, signSigV4, uriEncode, type SigV4Request } from '../../../functions/core/media/sigv4';

// Test vectors: the worked examples AWS publishes in the S3 API reference, "Signature Calculations for
// the Authorization Header: Transferring Payload in a Single Chunk (AWS Signature Version 4)", section
// "Examples: Signature Calculations". Every expected value below is copied from that page.
const credentials = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  region: 'us-east-1',
  service: 's3',
};
const AMZ_DATE = '20130524T000000Z';
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const host = 'examplebucket.s3.amazonaws.com';

const vectors: Array<{ name: string; request: SigV4Request; canonicalRequest?: string; stringToSignHash: string; signature: string }> = [
  {
    name: 'GET Object (first 10 bytes of test.txt)',
    request: {
      method: 'GET',
      path: '/test.txt',
      headers: { Host: host, Range: 'bytes=0-9', 'x-amz-content-sha256': EMPTY_SHA256, 'x-amz-date': AMZ_DATE },
      payloadHash: EMPTY_SHA256,
    },
    canonicalRequest: [
      'GET',
      '/test.txt',
      '',
      `host:${host}`,
      'range:bytes=0-9',
      `x-amz-content-sha256:${EMPTY_SHA256}`,
      `x-amz-date:${AMZ_DATE}`,
      '',
      'host;range;x-amz-content-sha256;x-amz-date',
      EMPTY_SHA256,
    ].join('\n'),
    stringToSignHash: '7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972',
    signature: 'f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
  },
  {
    name: 'PUT Object (test$file.text, "Welcome to Amazon S3.")',
    request: {
      method: 'PUT',
      path: '/test$file.text',
      headers: {
        Date: 'Fri, 24 May 2013 00:00:00 GMT',
        Host: host,
        'x-amz-date': AMZ_DATE,
        'x-amz-storage-class': 'REDUCED_REDUNDANCY',
        'x-amz-content-sha256': '44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072',
      },
      payloadHash: '44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072',
    },
    stringToSignHash: '9e0e90d9c76de8fa5b200d8c849cd5b8dc7a3be3951ddb7f6a76b4158342019d',
    signature: '98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd',
  },
  {
    name: 'GET Bucket Lifecycle (?lifecycle)',
    request: {
      method: 'GET',
      path: '/',
      query: { lifecycle: '' },
      headers: { Host: host, 'x-amz-date': AMZ_DATE, 'x-amz-content-sha256': EMPTY_SHA256 },
      payloadHash: EMPTY_SHA256,
    },
    stringToSignHash: '9766c798316ff2757b517bc739a67f6213b4ab36dd5da2f94eaebf79c77395ca',
    signature: 'fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543',
  },
  {
    name: 'Get Bucket (List Objects, ?max-keys=2&prefix=J)',
    request: {
      method: 'GET',
      path: '/',
      query: { prefix: 'J', 'max-keys': '2' },
      headers: { Host: host, 'x-amz-date': AMZ_DATE, 'x-amz-content-sha256': EMPTY_SHA256 },
      payloadHash: EMPTY_SHA256,
    },
    stringToSignHash: 'df57d21db20da04d7fa30298dd4488ba3a2b47ca3a489c74750e0f1e7df1b9b7',
    signature: '34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7',
  },
];

describe.each([
  ['Web Crypto', webCrypto],
  ['node:crypto', nodeCrypto],
])('SigV4 over %s', (_name, crypto) => {
  it.each(vectors)('reproduces AWS’s published signature for $name', async (vector) => {
    const signed = await signSigV4(crypto, credentials, vector.request, AMZ_DATE);
    if (vector.canonicalRequest) expect(signed.canonicalRequest).toBe(vector.canonicalRequest);
    expect(signed.stringToSign).toBe(['AWS4-HMAC-SHA256', AMZ_DATE, '20130524/us-east-1/s3/aws4_request', vector.stringToSignHash].join('\n'));
    expect(signed.signature).toBe(vector.signature);
    const names = Object.keys(vector.request.headers)
      .map((h) => h.toLowerCase())
      .sort()
      .join(';');
    expect(signed.authorization).toBe(
      `AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=${names},Signature=${vector.signature}`,
    );
  });

  it('signs differently with another secret, region or body', async () => {
    const base = vectors[0]!.request;
    const reference = (await signSigV4(crypto, credentials, base, AMZ_DATE)).signature;
    expect((await signSigV4(crypto, { ...credentials, secretAccessKey: 'x' }, base, AMZ_DATE)).signature).not.toBe(reference);
    expect((await signSigV4(crypto, { ...credentials, region: 'auto' }, base, AMZ_DATE)).signature).not.toBe(reference);
    expect((await signSigV4(crypto, credentials, { ...base, payloadHash: 'UNSIGNED-PAYLOAD' }, AMZ_DATE)).signature).not.toBe(reference);
  });
});

describe('SigV4 encoding', () => {
  it('encodes every byte but unreserved characters, keeping slashes in a path', () => {
    expect(uriEncode("a b/c$d!e'(f)*~_.-", true)).toBe('a%20b/c%24d%21e%27%28f%29%2A~_.-');
    expect(uriEncode('a/b')).toBe('a%2Fb');
    expect(uriEncode('é')).toBe('%C3%A9');
  });

  it('formats x-amz-date as basic ISO 8601 in UTC', () => {
    expect(formatAmzDate(new Date('2013-05-24T00:00:00.000Z'))).toBe('20130524T000000Z');
    expect(formatAmzDate(new Date('2026-11-23T13:04:17.999Z'))).toBe('20261123T130417Z');
  });

  it('sorts headers by lowercase name and collapses inner spaces in values', () => {
    const canonical = buildCanonicalRequest({ method: 'put', path: '/b/k', headers: { 'X-Amz-Date': 'd', Host: ' h  x ' }, payloadHash: 'p' });
    expect(canonical).toBe(['PUT', '/b/k', '', 'host:h x', 'x-amz-date:d', '', 'host;x-amz-date', 'p'].join('\n'));
  });
});
