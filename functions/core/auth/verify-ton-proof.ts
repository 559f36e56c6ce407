import { Address } from '@ton/core';
import type { CryptoPort } from '../crypto-port';
import { decodeBase64Url, decodeHex, encodeHex, encodeUtf8 } from '../init-data/encoding';
import type { TonNetwork } from '../payments/payment-intent';
import { timingSafeEqual } from '../timing-safe-equal';
import { buildTonProofDigest } from './ton-proof-message';
import type { TonProofPayloadRepo } from './ton-proof-payloads';
import {
  TonProofDomainMismatchError,
  TonProofExpiredError,
  TonProofFromFutureError,
  TonProofMalformedError,
  TonProofNetworkMismatchError,
  TonProofPayloadExpiredError,
  TonProofPayloadUnknownError,
  TonProofPayloadUsedError,
  TonProofPublicKeyMismatchError,
  TonProofPublicKeyUnknownError,
  TonProofSignatureInvalidError,
} from './ton-proof-errors';
import { readWalletPublicKey } from './wallet-state-init';

/** What the web app sends after TON Connect returned a ton_proof (the shape the TON Connect demo backend takes). */
export interface TonProofRequest {
  /** The wallet's address (TON Connect's `account.address`, raw form; a user-friendly form is accepted). */
  address: string;
  /** TON Connect's `account.chain`: "-239" mainnet, "-3" testnet. */
  network: string;
  /** TON Connect's `account.publicKey`, hex; only checked against the key the shop finds. */
  publicKey?: string;
  proof: {
    timestamp: number;
    domain: { lengthBytes: number; value: string };
    payload: string;
    /** Base64 Ed25519 signature. */
    signature: string;
    /** TON Connect's `account.walletStateInit`, base64 BOC. */
    stateInit?: string;
  };
}

/** The wallet's key as the chain reports it (`get_public_key`), or null when the chain cannot say. */
export type WalletPublicKeyLookup = (rawAddress: string) => Promise<Uint8Array | null>;

export interface TonProofVerifierOptions {
  crypto: CryptoPort;
  payloads: TonProofPayloadRepo;
  network: TonNetwork;
  lookupPublicKey?: WalletPublicKeyLookup;
  /** Default 900 (15 minutes). */
  maxAgeSeconds?: number;
  /** Default 60. */
  maxFutureSkewSeconds?: number;
}

/** A wallet that proved it signed in to this shop just now. */
export interface VerifiedTonProof {
  /** Raw form `0:<hex>`. */
  address: string;
  publicKeyHex: string;
}

const CHAIN_IDS: Record<TonNetwork, readonly string[]> = {
  mainnet: ['-239'],
  testnet: ['-3'],
  // The dev chain is neither; its wallets say testnet, real wallets pointed at it may say either.
  local: ['-239', '-3'],
};

/**
 * Builds the ton_proof check (TON Connect, docs.ton.org "verifying signed-in users"): network, domain
 * equal to the shop's host, fresh timestamp, a payload the shop issued and nobody used, the wallet's
 * public key from its StateInit (checked to hash to the address) or else from the chain, the Ed25519
 * signature over the spec's message, and finally the payload consumed atomically. Cheap checks come
 * first, so garbage never costs a chain lookup. Each refusal is its own TonProofError.
 */
export function createTonProofVerifier(options: TonProofVerifierOptions) {
  const maxAge = options.maxAgeSeconds ?? 900;
  const maxSkew = options.maxFutureSkewSeconds ?? 60;
  return async (request: TonProofRequest, context: { domain: string; now: Date }): Promise<VerifiedTonProof> => {
    const address = parseAddress(request.address);
    if (!CHAIN_IDS[options.network].includes(request.network)) throw new TonProofNetworkMismatchError();
    const { proof } = request;
    if (proof.domain.value !== context.domain || proof.domain.lengthBytes !== encodeUtf8(proof.domain.value).length) {
      throw new TonProofDomainMismatchError(proof.domain.value);
    }
    const nowSeconds = Math.floor(context.now.getTime() / 1000);
    if (proof.timestamp < nowSeconds - maxAge) throw new TonProofExpiredError();
    if (proof.timestamp > nowSeconds + maxSkew) throw new TonProofFromFutureError();
    const signature = decodeBase64(proof.signature);
    if (signature?.length !== 64) throw new TonProofMalformedError('signature is not 64 bytes of base64');

    const issued = await options.payloads.find(proof.payload);
    if (!issued) throw new TonProofPayloadUnknownError();
    if (issued.usedAt !== null) throw new TonProofPayloadUsedError();
    if (issued.expiresAt.getTime() <= context.now.getTime()) throw new TonProofPayloadExpiredError();

    const publicKey = await findPublicKey(address, proof.stateInit, options.lookupPublicKey);
    if (request.publicKey !== undefined) {
      const claimed = decodeHex(request.publicKey);
      if (!claimed || !timingSafeEqual(claimed, publicKey)) throw new TonProofPublicKeyMismatchError();
    }
    const digest = await buildTonProofDigest(options.crypto, {
      workchain: address.workChain,
      addressHash: new Uint8Array(address.hash),
      domain: proof.domain.value,
      timestamp: proof.timestamp,
      payload: proof.payload,
    });
    let key;
    try {
      key = await options.crypto.importEd25519PublicKey(publicKey);
    } catch {
      throw new TonProofSignatureInvalidError();
    }
    if (!(await key.verify(signature, digest))) throw new TonProofSignatureInvalidError();
    // Last, and atomic: a proof that fails above leaves its payload for a corrected retry.
    if (!(await options.payloads.consume(proof.payload, context.now))) throw new TonProofPayloadUsedError();
    return { address: address.toRawString(), publicKeyHex: encodeHex(publicKey) };
  };
}

export type TonProofVerifier = ReturnType<typeof createTonProofVerifier>;

async function findPublicKey(address: Address, stateInit: string | undefined, lookup: WalletPublicKeyLookup | undefined): Promise<Uint8Array> {
  if (stateInit !== undefined) return readWalletPublicKey(address, stateInit).publicKey;
  const fromChain = lookup ? await lookup(address.toRawString()) : null;
  if (!fromChain || fromChain.length !== 32) throw new TonProofPublicKeyUnknownError();
  return fromChain;
}

function parseAddress(text: string): Address {
  try {
    return Address.parse(text.trim());
  } catch {
    throw new TonProofMalformedError('address is not a TON address');
  }
}

/** Standard base64 with padding (TON Connect's signature), or base64url: bytes, or undefined. */
function decodeBase64(text: string): Uint8Array | undefined {
  return decodeBase64Url(text.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_'));
}
