import { keyPairFromSeed } from '@ton/crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers, tonProofPayloads } from '../../../functions/adapters/db/schema';
import { DevWallet, type DevWalletInfo } from '../../../functions/adapters/ton/dev-chain/dev-wallet';
import { createTestApp, sessionCookieOf, TEST_ORIGIN, type TestApp } from '../../support/test-app';

let t: TestApp;
let productId: string;

beforeAll(async () => {
  t = await createTestApp();
  const catalog = (await (await t.request('/api/catalog')).json()) as { products: { id: string; stock: number }[] };
  productId = catalog.products.find((p) => p.stock > 50)!.id;
});
afterAll(async () => {
  expect(t.errors).toEqual([]);
  await t.close();
});

const sameOrigin = { origin: TEST_ORIGIN };
const newWallet = () => t.ton.dev.chain.createDevWallet();

async function proofSignIn(body: unknown) {
  return t.request('/api/auth/ton-proof', { body, headers: sameOrigin });
}

async function errorCode(res: Response) {
  return ((await res.json()) as { error: { code: string } }).error.code;
}

describe('GET /api/auth/ton-proof/payload', () => {
  it('issues a random one-time payload that lives ten minutes', async () => {
    const first = await (await t.request('/api/auth/ton-proof/payload')).json();
    const second = await (await t.request('/api/auth/ton-proof/payload')).json();
    expect(first.payload).toMatch(/^[0-9a-f]{64}$/);
    expect(second.payload).not.toBe(first.payload);
    expect(Date.parse(first.expiresAt) - t.clock.now().getTime()).toBe(600_000);
    const [row] = await t.db.handle.db.select().from(tonProofPayloads).where(eq(tonProofPayloads.payload, first.payload));
    expect(row).toMatchObject({ usedAt: null });
  });
});

describe('signing in with a TON wallet (ton_proof)', () => {
  it('signs a dev-chain wallet in end to end: session cookie, /api/me, an order', async () => {
    const wallet = await newWallet();
    const res = await proofSignIn(await t.tonProofFor(wallet));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.customer).toMatchObject({ walletAddress: wallet.address, telegramId: null });
    const cookie = sessionCookieOf(res);
    const me = await (await t.request('/api/me', { headers: { cookie } })).json();
    expect(me).toMatchObject({ customer: { id: body.customer.id, walletAddress: wallet.address }, via: 'session' });
    const order = await t.request('/api/orders', { body: { items: [{ productId, quantity: 1 }] }, headers: { cookie, ...sameOrigin } });
    expect(order.status).toBe(201);
  });

  it('reaches the same customer on the next sign-in with the same wallet', async () => {
    const wallet = await newWallet();
    const first = await (await proofSignIn(await t.tonProofFor(wallet))).json();
    const second = await (await proofSignIn(await t.tonProofFor(wallet))).json();
    expect(second.customer.id).toBe(first.customer.id);
    expect(await t.db.handle.db.select().from(customers).where(eq(customers.walletAddress, wallet.address))).toHaveLength(1);
  });

  it('refuses a payload used once already, setting no cookie: TON_PROOF_PAYLOAD_USED', async () => {
    const wallet = await newWallet();
    const body = await t.tonProofFor(wallet);
    expect((await proofSignIn(body)).status).toBe(200);
    const again = await proofSignIn(body);
    expect(again.status).toBe(401);
    expect(await errorCode(again)).toBe('TON_PROOF_PAYLOAD_USED');
    expect(again.headers.getSetCookie()).toEqual([]);
  });

  it('asks the chain (get_public_key through the toncenter API) when the proof comes without a StateInit', async () => {
    const wallet = await newWallet();
    const requestsBefore = t.indexer.requests;
    const res = await proofSignIn(await t.tonProofFor(wallet, { withStateInit: false }));
    expect(res.status).toBe(200);
    expect(t.indexer.requests).toBe(requestsBefore + 1);
  });

  it('refuses a wallet that is not on the chain and sent no StateInit: TON_PROOF_PUBLIC_KEY_UNKNOWN', async () => {
    const undeployed = new DevWallet('undeployed', keyPairFromSeed(Buffer.alloc(32, 42)), true);
    const payload = (await (await t.request('/api/auth/ton-proof/payload')).json()).payload;
    const proof = undeployed.signTonProof({ domain: 'shop.test', payload }, Math.floor(t.clock.now().getTime() / 1000));
    const res = await proofSignIn({ address: undeployed.info.address, network: '-3', proof });
    expect(res.status).toBe(422);
    expect(await errorCode(res)).toBe('TON_PROOF_PUBLIC_KEY_UNKNOWN');
  });

  it('answers 503 when the chain cannot be asked, without a verdict', async () => {
    const wallet = await newWallet();
    const body = await t.tonProofFor(wallet, { withStateInit: false });
    t.indexer.down = true;
    try {
      const res = await proofSignIn(body);
      expect(res.status).toBe(503);
      expect(await errorCode(res)).toBe('CHAIN_UNAVAILABLE');
    } finally {
      t.indexer.down = false;
    }
    // The payload was not spent by the outage.
    expect((await proofSignIn(body)).status).toBe(200);
  });

  it.each([
    ['signed for another domain', (w: DevWalletInfo) => t.tonProofFor(w, { domain: 'evil.test' }), 'TON_PROOF_DOMAIN_MISMATCH'],
    [
      'signed 16 minutes ago',
      (w: DevWalletInfo) => t.tonProofFor(w, { timestampSeconds: Math.floor(t.clock.now().getTime() / 1000) - 960 }),
      'TON_PROOF_EXPIRED',
    ],
    ['for a payload the shop never issued', (w: DevWalletInfo) => t.tonProofFor(w, { payload: 'f'.repeat(64) }), 'TON_PROOF_PAYLOAD_UNKNOWN'],
  ])('refuses a proof %s', async (_case, make, code) => {
    const res = await proofSignIn(await make(await newWallet()));
    expect(res.status).toBe(401);
    expect(await errorCode(res)).toBe(code);
  });

  it("refuses another wallet's StateInit for the address: TON_PROOF_STATE_INIT_MISMATCH", async () => {
    const [victim, attacker] = [await newWallet(), await newWallet()];
    const body = await t.tonProofFor(attacker);
    const res = await proofSignIn({ ...body, address: victim.address, public_key: undefined });
    expect(res.status).toBe(401);
    expect(await errorCode(res)).toBe('TON_PROOF_STATE_INIT_MISMATCH');
  });

  it('refuses a proof signed by a key that is not the wallet’s: TON_PROOF_SIGNATURE_INVALID', async () => {
    const [wallet, other] = [await newWallet(), await newWallet()];
    const mine = await t.tonProofFor(wallet);
    const theirs = await t.tonProofFor(other, { payload: mine.proof.payload as string });
    const res = await proofSignIn({ ...mine, proof: { ...mine.proof, signature: theirs.proof.signature } });
    expect(res.status).toBe(401);
    expect(await errorCode(res)).toBe('TON_PROOF_SIGNATURE_INVALID');
  });

  it('refuses a sign-in posted from another site', async () => {
    const res = await t.request('/api/auth/ton-proof', { body: await t.tonProofFor(await newWallet()), headers: { origin: 'https://evil.test' } });
    expect(res.status).toBe(403);
    expect(await errorCode(res)).toBe('CSRF_REJECTED');
  });

  it('refuses a body that is not a ton_proof', async () => {
    const res = await proofSignIn({ address: 1, proof: {} });
    expect(res.status).toBe(400);
    expect(await errorCode(res)).toBe('VALIDATION_FAILED');
  });
});

describe('a shop on a public URL', () => {
  let shop: TestApp;
  beforeAll(async () => {
    shop = await createTestApp({ seed: false, publicUrl: 'https://shop.example:8443/' });
  });
  afterAll(async () => {
    expect(shop.errors).toEqual([]);
    await shop.close();
  });

  it("takes ton_proof's domain from PUBLIC_URL (host with port), the origin its TON Connect manifest names", async () => {
    const manifest = await (await shop.request('/tonconnect-manifest.json')).json();
    expect(manifest.url).toBe('https://shop.example:8443');
    const wallet = await shop.ton.dev.chain.createDevWallet();
    const headers = { origin: 'https://shop.example:8443' };
    const good = await shop.request('/api/auth/ton-proof', { body: await shop.tonProofFor(wallet, { domain: 'shop.example:8443' }), headers });
    expect(good.status).toBe(200);
    const requestHost = await shop.request('/api/auth/ton-proof', { body: await shop.tonProofFor(wallet, { domain: 'shop.test' }), headers });
    expect(await errorCode(requestHost)).toBe('TON_PROOF_DOMAIN_MISMATCH');
  });
});

// Issue #11, case 8: the domain a wallet signs is the shop's configured one. A phishing page on
// evil.example gets a proof signed for evil.example; sending it here with `Host: evil.example` must not
// make this shop evil.example.
describe('the domain comes from the settings, never from Host', () => {
  const forged = 'http://evil.example';

  it('refuses a proof signed for a forged Host, sent to that Host, from that origin or none, setting no cookie', async () => {
    const wallet = await newWallet();
    const fromThere = await t.request('/api/auth/ton-proof', {
      to: forged,
      body: await t.tonProofFor(wallet, { domain: 'evil.example' }),
      headers: { origin: forged },
    });
    expect(fromThere.status).toBe(403);
    expect(await errorCode(fromThere)).toBe('CSRF_REJECTED');
    expect(fromThere.headers.getSetCookie()).toEqual([]);

    const withoutOrigin = await t.request('/api/auth/ton-proof', { to: forged, body: await t.tonProofFor(wallet, { domain: 'evil.example' }) });
    expect(withoutOrigin.status).toBe(401);
    expect(await errorCode(withoutOrigin)).toBe('TON_PROOF_DOMAIN_MISMATCH');
    expect(withoutOrigin.headers.getSetCookie()).toEqual([]);
    expect(await t.db.handle.db.select().from(customers).where(eq(customers.walletAddress, wallet.address))).toEqual([]);
  });

  it('checks a proof against the configured host whatever Host the request names', async () => {
    const res = await t.request('/api/auth/ton-proof', { to: forged, body: await t.tonProofFor(await newWallet(), { domain: 'shop.test' }) });
    expect(res.status).toBe(200);
  });

  it('refuses a wallet link signed for a forged Host, sent to that Host', async () => {
    const auth = await t.authFor({ id: 8101 });
    const res = await t.request('/api/auth/link/ton-proof', { to: forged, auth, body: await t.tonProofFor(await newWallet(), { domain: 'evil.example' }) });
    expect(res.status).toBe(401);
    expect(await errorCode(res)).toBe('TON_PROOF_DOMAIN_MISMATCH');
  });
});

describe('a shop that knows no address of its own (no PUBLIC_URL, not the local server)', () => {
  let shop: TestApp;
  beforeAll(async () => {
    shop = await createTestApp({ seed: false, shopUrl: null });
  });
  afterAll(async () => {
    expect(shop.errors).toEqual([]);
    await shop.close();
  });

  async function expectNotConfigured(res: Response) {
    expect(res.status).toBe(503);
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('TON_PROOF_NOT_CONFIGURED');
    expect(error.message).toMatch(/PUBLIC_URL/);
    expect(res.headers.getSetCookie()).toEqual([]);
  }

  it('refuses ton_proof sign-in with 503 TON_PROOF_NOT_CONFIGURED, for a proof naming the Host it was sent to too', async () => {
    const wallet = await shop.ton.dev.chain.createDevWallet();
    const forged = 'http://evil.example';
    const body = await shop.tonProofFor(wallet, { payload: 'a'.repeat(64), domain: 'evil.example' });
    await expectNotConfigured(await shop.request('/api/auth/ton-proof', { to: forged, body, headers: { origin: forged } }));
    await expectNotConfigured(await shop.request('/api/auth/ton-proof', { to: forged, body }));
    await expectNotConfigured(
      await shop.request('/api/auth/ton-proof', {
        body: { ...body, proof: { ...body.proof, domain: { lengthBytes: 9, value: 'shop.test' } } },
        headers: sameOrigin,
      }),
    );
    expect(await shop.db.handle.db.select().from(customers)).toEqual([]);
  });

  it('issues no payload and links no wallet, and says so in GET /api/auth/config', async () => {
    await expectNotConfigured(await shop.request('/api/auth/ton-proof/payload'));
    const link = await shop.request('/api/auth/link/ton-proof', {
      auth: await shop.authFor({ id: 8102 }),
      body: await shop.tonProofFor(await shop.ton.dev.chain.createDevWallet(), { payload: 'b'.repeat(64) }),
    });
    await expectNotConfigured(link);
    expect(await (await shop.request('/api/auth/config')).json()).toMatchObject({ tonProof: false });
  });

  it('answers the TON Connect manifest 503 SHOP_URL_NOT_CONFIGURED rather than name the Host it was sent to', async () => {
    const res = await shop.request('/tonconnect-manifest.json', { to: 'https://evil.example' });
    expect(res.status).toBe(503);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cache-control')).toBeNull();
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(error).toMatchObject({ code: 'SHOP_URL_NOT_CONFIGURED', message: expect.stringMatching(/PUBLIC_URL/) });
  });
});
