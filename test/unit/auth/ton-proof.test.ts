import { createHash } from 'node:crypto';
import { type Address, beginCell, contractAddress, storeStateInit, type StateInit } from '@ton/core';
import { keyPairFromSeed, sign, type KeyPair } from '@ton/crypto';
import { WalletContractV2R2, WalletContractV3R1, WalletContractV3R2, WalletContractV4, WalletContractV5R1 } from '@ton/ton';
import { describe, expect, it } from 'vitest';
import { nodeCrypto } from '../../../functions/adapters/crypto/node-crypto';
import { webCrypto } from '../../../functions/adapters/crypto/web-crypto';
import { DevWallet } from '../../../functions/adapters/ton/dev-chain/dev-wallet';
import type { TonProofPayloadRecord, TonProofPayloadRepo } from '../../../functions/core/auth/ton-proof-payloads';
import { createTonProofVerifier, type TonProofRequest, type WalletPublicKeyLookup } from '../../../functions/core/auth/verify-ton-proof';
import { readWalletPublicKey } from '../../../functions/core/auth/wallet-state-init';
import type { CryptoPort } from '../../../functions/core/crypto-port';

const DOMAIN = 'shop.example';
const NOW = new Date('2025-03-01T12:00:00Z');
const NOW_SECONDS = NOW.getTime() / 1000;

/** The payloads port over a Map, with the repo's contract (single use, expiry). */
function memoryPayloads(): TonProofPayloadRepo & { issueNow(payload: string, ttlSeconds?: number): void } {
  const rows = new Map<string, TonProofPayloadRecord>();
  return {
    issueNow(payload, ttlSeconds = 600) {
      rows.set(payload, { expiresAt: new Date(NOW.getTime() + ttlSeconds * 1000), usedAt: null });
    },
    async issue({ payload, expiresAt }) {
      rows.set(payload, { expiresAt, usedAt: null });
    },
    async find(payload) {
      const row = rows.get(payload);
      return row ? { ...row } : null;
    },
    async consume(payload, now) {
      const row = rows.get(payload);
      if (!row || row.usedAt || row.expiresAt <= now) return false;
      row.usedAt = now;
      return true;
    },
  };
}

const seed = (n: number) => Buffer.alloc(32, n);
const keys: KeyPair = keyPairFromSeed(seed(7));
const otherKeys: KeyPair = keyPairFromSeed(seed(8));

function bocOf(init: StateInit): string {
  return beginCell().store(storeStateInit(init)).endCell().toBoc().toString('base64');
}

/**
 * Signs a ton_proof as a wallet app does, written from the spec with @ton/crypto's Ed25519 (tweetnacl),
 * independently of both the verifier and the dev wallet.
 */
function signProof(secretKey: Buffer, address: Address, domain: string, payload: string, timestamp: number): string {
  const wc = Buffer.alloc(4);
  wc.writeInt32BE(address.workChain);
  const len = Buffer.alloc(4);
  len.writeUInt32LE(Buffer.byteLength(domain));
  const ts = Buffer.alloc(8);
  ts.writeBigUInt64LE(BigInt(timestamp));
  const message = Buffer.concat([Buffer.from('ton-proof-item-v2/'), wc, address.hash, len, Buffer.from(domain), ts, Buffer.from(payload)]);
  const inner = createHash('sha256').update(message).digest();
  const signed = createHash('sha256')
    .update(Buffer.concat([Buffer.from([0xff, 0xff]), Buffer.from('ton-connect'), inner]))
    .digest();
  return sign(signed, secretKey).toString('base64');
}

type Wallet = { address: Address; init: StateInit };
const v3r2: Wallet = WalletContractV3R2.create({ workchain: 0, publicKey: keys.publicKey });
const v4r2: Wallet = WalletContractV4.create({ workchain: 0, publicKey: keys.publicKey });
const v5r1: Wallet = WalletContractV5R1.create({ workchain: 0, publicKey: keys.publicKey });

function request(
  wallet: Wallet,
  payload: string,
  changes: { timestamp?: number; domain?: string; secretKey?: Buffer; stateInit?: string | null } = {},
): TonProofRequest {
  const timestamp = changes.timestamp ?? NOW_SECONDS - 5;
  const domain = changes.domain ?? DOMAIN;
  return {
    address: wallet.address.toRawString(),
    network: '-239',
    proof: {
      timestamp,
      domain: { lengthBytes: Buffer.byteLength(domain), value: domain },
      payload,
      signature: signProof(changes.secretKey ?? keys.secretKey, wallet.address, domain, payload, timestamp),
      ...(changes.stateInit !== null && { stateInit: changes.stateInit ?? bocOf(wallet.init) }),
    },
  };
}

describe.each([
  ['node:crypto', nodeCrypto],
  ['web crypto', webCrypto],
] as [string, CryptoPort][])('ton_proof verification (%s)', (_name, crypto) => {
  function setup(lookupPublicKey?: WalletPublicKeyLookup) {
    const payloads = memoryPayloads();
    const verify = createTonProofVerifier({ crypto, payloads, network: 'mainnet', ...(lookupPublicKey && { lookupPublicKey }) });
    return { payloads, verify: (req: TonProofRequest) => verify(req, { domain: DOMAIN, now: NOW }) };
  }

  it('accepts a proof signed by a dev-chain wallet (V5R1) and names its raw address', async () => {
    const { payloads, verify } = setup();
    const wallet = new DevWallet('w', keyPairFromSeed(seed(9)), true);
    payloads.issueNow('p-dev');
    const proof = wallet.signTonProof({ domain: DOMAIN, payload: 'p-dev' }, NOW_SECONDS - 2);
    const verified = await verify({
      address: wallet.info.address,
      network: '-239',
      publicKey: wallet.info.publicKey,
      proof: { ...proof, stateInit: wallet.info.walletStateInit },
    });
    expect(verified).toEqual({ address: wallet.info.address, publicKeyHex: wallet.info.publicKey });
  });

  it.each([
    ['V3R2', v3r2],
    ['V4R2', v4r2],
    ['V5R1', v5r1],
  ])('reads the public key from a %s wallet StateInit', async (_version, wallet) => {
    const { payloads, verify } = setup();
    payloads.issueNow('p1');
    await expect(verify(request(wallet, 'p1'))).resolves.toEqual({
      address: wallet.address.toRawString(),
      publicKeyHex: keys.publicKey.toString('hex'),
    });
  });

  it('accepts the user-friendly address form and a V3R1 wallet', async () => {
    const { payloads, verify } = setup();
    const v3r1: Wallet = WalletContractV3R1.create({ workchain: 0, publicKey: keys.publicKey });
    payloads.issueNow('p2');
    const req = request(v3r1, 'p2');
    await expect(verify({ ...req, address: v3r1.address.toString({ urlSafe: true }) })).resolves.toMatchObject({ address: v3r1.address.toRawString() });
  });

  it('reads a W5 deployed with its code as a library cell', async () => {
    const { payloads, verify } = setup();
    const library = beginCell().storeUint(2, 8).storeBuffer(v5r1.init.code!.hash()).endCell({ exotic: true });
    const init: StateInit = { code: library, data: v5r1.init.data! };
    const wallet: Wallet = { address: contractAddress(0, init), init };
    payloads.issueNow('p3');
    await expect(verify(request(wallet, 'p3'))).resolves.toMatchObject({ address: wallet.address.toRawString() });
  });

  it('asks the chain for the key when no StateInit came with the proof', async () => {
    const asked: string[] = [];
    const { payloads, verify } = setup(async (address) => {
      asked.push(address);
      return new Uint8Array(keys.publicKey);
    });
    payloads.issueNow('p4');
    await expect(verify(request(v4r2, 'p4', { stateInit: null }))).resolves.toMatchObject({ address: v4r2.address.toRawString() });
    expect(asked).toEqual([v4r2.address.toRawString()]);
  });

  it('checks the signature against the key the chain reports, not a key the client claims', async () => {
    const { payloads, verify } = setup(async () => new Uint8Array(otherKeys.publicKey));
    payloads.issueNow('p5');
    await expect(verify(request(v4r2, 'p5', { stateInit: null }))).rejects.toMatchObject({ code: 'TON_PROOF_SIGNATURE_INVALID' });
  });

  it.each([
    ['the chain does not know the key', async () => null],
    ['the reader cannot run get-methods', undefined],
  ])('refuses a proof without StateInit when %s: TON_PROOF_PUBLIC_KEY_UNKNOWN', async (_case, lookup) => {
    const { payloads, verify } = setup(lookup as WalletPublicKeyLookup | undefined);
    payloads.issueNow('p6');
    await expect(verify(request(v4r2, 'p6', { stateInit: null }))).rejects.toMatchObject({ code: 'TON_PROOF_PUBLIC_KEY_UNKNOWN' });
  });

  it('refuses a proof signed for another domain: TON_PROOF_DOMAIN_MISMATCH', async () => {
    const { payloads, verify } = setup();
    payloads.issueNow('p7');
    await expect(verify(request(v4r2, 'p7', { domain: 'evil.example' }))).rejects.toMatchObject({ code: 'TON_PROOF_DOMAIN_MISMATCH' });
  });

  it('refuses a domain whose stated length is not its UTF-8 length', async () => {
    const { payloads, verify } = setup();
    payloads.issueNow('p8');
    const req = request(v4r2, 'p8');
    req.proof.domain.lengthBytes += 1;
    await expect(verify(req)).rejects.toMatchObject({ code: 'TON_PROOF_DOMAIN_MISMATCH' });
  });

  it('refuses a stale timestamp (older than 15 minutes): TON_PROOF_EXPIRED', async () => {
    const { payloads, verify } = setup();
    payloads.issueNow('p9');
    await expect(verify(request(v4r2, 'p9', { timestamp: NOW_SECONDS - 901 }))).rejects.toMatchObject({ code: 'TON_PROOF_EXPIRED' });
    await expect(verify(request(v4r2, 'p9', { timestamp: NOW_SECONDS - 900 }))).resolves.toBeTruthy();
  });

  it('refuses a timestamp more than a minute ahead: TON_PROOF_FROM_FUTURE', async () => {
    const { payloads, verify } = setup();
    payloads.issueNow('p10');
    await expect(verify(request(v4r2, 'p10', { timestamp: NOW_SECONDS + 61 }))).rejects.toMatchObject({ code: 'TON_PROOF_FROM_FUTURE' });
  });

  it('refuses a payload the shop never issued: TON_PROOF_PAYLOAD_UNKNOWN', async () => {
    const { verify } = setup();
    await expect(verify(request(v4r2, 'never-issued'))).rejects.toMatchObject({ code: 'TON_PROOF_PAYLOAD_UNKNOWN' });
  });

  it('refuses a payload used once already: TON_PROOF_PAYLOAD_USED', async () => {
    const { payloads, verify } = setup();
    payloads.issueNow('p11');
    await verify(request(v4r2, 'p11'));
    await expect(verify(request(v4r2, 'p11'))).rejects.toMatchObject({ code: 'TON_PROOF_PAYLOAD_USED' });
  });

  it('lets exactly one of two proofs racing with one payload through', async () => {
    const { payloads, verify } = setup();
    payloads.issueNow('p12');
    const results = await Promise.allSettled([verify(request(v4r2, 'p12')), verify(request(v5r1, 'p12'))]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'TON_PROOF_PAYLOAD_USED' } });
  });

  it('refuses a payload past its life: TON_PROOF_PAYLOAD_EXPIRED', async () => {
    const { payloads, verify } = setup();
    payloads.issueNow('p13', -1);
    await expect(verify(request(v4r2, 'p13'))).rejects.toMatchObject({ code: 'TON_PROOF_PAYLOAD_EXPIRED' });
  });

  it('refuses a signature by another key, and leaves the payload for a retry: TON_PROOF_SIGNATURE_INVALID', async () => {
    const { payloads, verify } = setup();
    payloads.issueNow('p14');
    await expect(verify(request(v4r2, 'p14', { secretKey: otherKeys.secretKey }))).rejects.toMatchObject({ code: 'TON_PROOF_SIGNATURE_INVALID' });
    await expect(verify(request(v4r2, 'p14'))).resolves.toBeTruthy();
  });

  it('refuses a signature over another payload than the one sent', async () => {
    const { payloads, verify } = setup();
    payloads.issueNow('p15');
    const req = request(v4r2, 'p15');
    const signedForOther = request(v4r2, 'p16');
    await expect(verify({ ...req, proof: { ...req.proof, signature: signedForOther.proof.signature } })).rejects.toMatchObject({
      code: 'TON_PROOF_SIGNATURE_INVALID',
    });
  });

  it("refuses a StateInit that is not the address' own: TON_PROOF_STATE_INIT_MISMATCH", async () => {
    const { payloads, verify } = setup();
    payloads.issueNow('p17');
    // An attacker's wallet StateInit (their key) presented for the victim's address.
    const attacker = WalletContractV4.create({ workchain: 0, publicKey: otherKeys.publicKey });
    const req = request(v4r2, 'p17', { secretKey: otherKeys.secretKey, stateInit: bocOf(attacker.init) });
    await expect(verify(req)).rejects.toMatchObject({ code: 'TON_PROOF_STATE_INIT_MISMATCH' });
  });

  it('refuses a contract that is not a known wallet: TON_PROOF_WALLET_UNSUPPORTED', async () => {
    const { payloads, verify } = setup();
    payloads.issueNow('p18');
    const v2: Wallet = WalletContractV2R2.create({ workchain: 0, publicKey: keys.publicKey });
    await expect(verify(request(v2, 'p18'))).rejects.toMatchObject({ code: 'TON_PROOF_WALLET_UNSUPPORTED' });
  });

  it('refuses a public key the client claims that is not the wallet key: TON_PROOF_PUBLIC_KEY_MISMATCH', async () => {
    const { payloads, verify } = setup();
    payloads.issueNow('p19');
    const req = { ...request(v4r2, 'p19'), publicKey: otherKeys.publicKey.toString('hex') };
    await expect(verify(req)).rejects.toMatchObject({ code: 'TON_PROOF_PUBLIC_KEY_MISMATCH' });
  });

  it('refuses a wallet on another network: TON_PROOF_NETWORK_MISMATCH', async () => {
    const { payloads, verify } = setup();
    payloads.issueNow('p20');
    await expect(verify({ ...request(v4r2, 'p20'), network: '-3' })).rejects.toMatchObject({ code: 'TON_PROOF_NETWORK_MISMATCH' });
  });

  it.each([
    ['an address that is not one', { address: 'not-an-address' }],
    ['a signature that is not 64 bytes', { signature: 'AAAA' }],
    ['a StateInit that is not a BOC', { stateInit: 'bm90IGEgYm9j' }],
  ])('refuses %s as TON_PROOF_MALFORMED', async (_case, change) => {
    const { payloads, verify } = setup();
    payloads.issueNow('p21');
    const req = request(v4r2, 'p21');
    const altered: TonProofRequest = {
      ...req,
      ...('address' in change && { address: change.address }),
      proof: { ...req.proof, ...('signature' in change && { signature: change.signature }), ...('stateInit' in change && { stateInit: change.stateInit }) },
    };
    await expect(verify(altered)).rejects.toMatchObject({ code: 'TON_PROOF_MALFORMED' });
  });
});

describe('ton_proof message', () => {
  it('verifies the TON Connect demo backend example (a real wallet proof) with the wallet key', async () => {
    // github.com/ton-connect/demo-dapp-backend README: a mainnet Tonkeeper proof for ton-connect.github.io;
    // the public key is the one a public check_proof test verifies it with.
    const payloads = memoryPayloads();
    const payload = 'E5B4ARS6CdOI2b5e1jz0jnS-x-a3DgfNXprrg_3pec0=';
    await payloads.issue({ payload, createdAt: NOW, expiresAt: new Date(1668094767_000 + 60_000) });
    const verify = createTonProofVerifier({
      crypto: nodeCrypto,
      payloads,
      network: 'mainnet',
      lookupPublicKey: async () => Buffer.from('db642e022c80911fe61f19eb4f22d7fb95c1ea0b589c0f74ecf0cbf6db746c13', 'hex'),
    });
    const proof = {
      timestamp: 1668094767,
      domain: { lengthBytes: 21, value: 'ton-connect.github.io' },
      payload,
      signature: '28tWSg8RDB3P/iIYupySINq1o3F5xLodndzNFHOtdi16Z+MuII8LAPnHLT3E6WTB27//qY4psU5Rf5/aJaIIAA==',
    };
    const address = '0:f63660ff947e5fe6ed4a8f729f1b24ef859497d0483aaa9d9ae48414297c4e1b';
    const at = { domain: 'ton-connect.github.io', now: new Date(1668094767_000 + 10_000) };
    await expect(verify({ address, network: '-239', proof: { ...proof, timestamp: proof.timestamp + 1 } }, at)).rejects.toMatchObject({
      code: 'TON_PROOF_SIGNATURE_INVALID',
    });
    await expect(verify({ address, network: '-239', proof }, at)).resolves.toMatchObject({ address });
  });

  it('knows the code hashes of the wallets @ton/ton deploys', async () => {
    for (const [version, wallet] of [
      ['v3r1', WalletContractV3R1.create({ workchain: 0, publicKey: keys.publicKey })],
      ['v3r2', v3r2],
      ['v4r2', v4r2],
      ['v5r1', v5r1],
    ] as const) {
      const read = readWalletPublicKey(wallet.address, bocOf(wallet.init));
      expect(read.version).toBe(version);
      expect(Buffer.from(read.publicKey).equals(keys.publicKey)).toBe(true);
    }
  });
});
