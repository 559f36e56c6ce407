import { describe, expect, it } from 'vitest';
import { nodeCrypto } from '../../../functions/adapters/crypto/node-crypto';
import { webCrypto } from '../../../functions/adapters/crypto/web-crypto';
import { createDownloadLinkSigner, DOWNLOAD_LINK_TTL_SECONDS, newDownloadGrant } from '../../../functions/core/digital/download-link';
import { safeFileName } from '../../../functions/core/digital/digital-content';
import { contentDisposition } from '../../../functions/api/download-routes';

const NOW = new Date('2026-12-03T12:00:00Z');
const GRANT = newDownloadGrant(
  { orderId: '3f0c7a52-1b1e-4c9e-9f43-0c1d2e3f4a5b', productId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', customerId: '11111111-2222-4333-8444-555555555555' },
  NOW,
);
const signer = createDownloadLinkSigner({ secret: '7000000001:AAtest-token-for-unit-tests', crypto: nodeCrypto });

describe('a download link', () => {
  it('names the order, product, customer and expiry, and verifies back to the same grant', async () => {
    const token = await signer.sign(GRANT);
    expect(token).toMatch(/^[0-9a-f-]{36}\.[0-9a-f-]{36}\.[0-9a-f-]{36}\.\d+\.[A-Za-z0-9_-]{43}$/);
    expect(await signer.verify(token, NOW)).toEqual(GRANT);
    expect(GRANT.expiresAt - NOW.getTime() / 1000).toBe(DOWNLOAD_LINK_TTL_SECONDS);
  });

  it('is the same MAC on Node and on Web Crypto (Workers)', async () => {
    const web = createDownloadLinkSigner({ secret: '7000000001:AAtest-token-for-unit-tests', crypto: webCrypto });
    expect(await web.sign(GRANT)).toBe(await signer.sign(GRANT));
  });

  it('expires at its time, not a second later', async () => {
    const token = await signer.sign(GRANT);
    await expect(signer.verify(token, new Date(GRANT.expiresAt * 1000 - 1))).resolves.toEqual(GRANT);
    await expect(signer.verify(token, new Date(GRANT.expiresAt * 1000))).rejects.toMatchObject({ code: 'DOWNLOAD_LINK_EXPIRED' });
  });

  it.each([
    ['another customer', { customerId: '11111111-2222-4333-8444-555555555556' }],
    ['another order', { orderId: '3f0c7a52-1b1e-4c9e-9f43-0c1d2e3f4a5c' }],
    ['another product', { productId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6e' }],
    ['a later expiry', { expiresAt: GRANT.expiresAt + 3600 }],
  ])('is refused when %s is put in place of the signed one', async (_name, change) => {
    const [, , , , mac] = (await signer.sign(GRANT)).split('.');
    const edited = { ...GRANT, ...change };
    const token = `${edited.orderId}.${edited.productId}.${edited.customerId}.${edited.expiresAt}.${mac}`;
    await expect(signer.verify(token, NOW)).rejects.toMatchObject({ code: 'DOWNLOAD_LINK_INVALID', kind: 'forbidden' });
  });

  it('is refused when signed with another secret, even though expired (the MAC is checked first)', async () => {
    const other = createDownloadLinkSigner({ secret: 'another-shop-secret', crypto: nodeCrypto });
    const token = await other.sign(GRANT);
    await expect(signer.verify(token, NOW)).rejects.toMatchObject({ code: 'DOWNLOAD_LINK_INVALID' });
    await expect(signer.verify(token, new Date(GRANT.expiresAt * 1000 + 1))).rejects.toMatchObject({ code: 'DOWNLOAD_LINK_INVALID' });
  });

  it.each(['', 'a.b.c.d.e', `${'x'.repeat(36)}.y.z.1.${'A'.repeat(43)}`, 'only.four.parts.here'])('is refused when malformed: %j', async (token) => {
    await expect(signer.verify(token, NOW)).rejects.toMatchObject({ code: 'DOWNLOAD_LINK_INVALID' });
  });
});

describe('the downloaded file’s name', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\ann\\Guide.pdf', 'Guide.pdf'],
    ['say "hi"\u0000.txt', 'say hi.txt'],
    ['', 'download'],
    ['   ', 'download'],
  ])('%j is kept as %j', (raw, safe) => {
    expect(safeFileName(raw)).toBe(safe);
  });

  it('goes in Content-Disposition with an ASCII fallback and the UTF-8 name', () => {
    expect(contentDisposition('Guide – 2.pdf')).toBe(`attachment; filename="Guide _ 2.pdf"; filename*=UTF-8''Guide%20%E2%80%93%202.pdf`);
  });
});
