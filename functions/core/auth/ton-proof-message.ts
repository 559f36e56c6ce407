import type { CryptoPort } from '../crypto-port';
import { encodeUtf8 } from '../init-data/encoding';

/** What a ton_proof signature covers, besides the prefixes. */
export interface TonProofMessage {
  workchain: number;
  /** The address' 32-byte account id. */
  addressHash: Uint8Array;
  /** The app's domain as the wallet saw it (host, with a port when not the default). */
  domain: string;
  /** Unix seconds when the wallet signed. */
  timestamp: number;
  /** The payload the shop issued, as text. */
  payload: string;
}

/**
 * The 32 bytes a wallet signs with Ed25519 for ton_proof, per the TON Connect spec
 * (github.com/ton-blockchain/ton-connect/blob/main/requests-responses.md#address-proof-signature-ton_proof):
 *
 *   message = "ton-proof-item-v2/" ‖ workchain (int32 BE) ‖ address hash (32 bytes)
 *             ‖ domain length (uint32 LE) ‖ domain (UTF-8) ‖ timestamp (uint64 LE) ‖ payload (UTF-8)
 *   signed  = sha256(0xffff ‖ "ton-connect" ‖ sha256(message))
 *
 * The spec leaves the byte order of the length and the timestamp unsaid; little-endian is what wallets
 * (Tonkeeper's ConnectReplyBuilder) and the reference backend (ton-connect/demo-dapp-backend) use.
 */
export async function buildTonProofDigest(crypto: CryptoPort, message: TonProofMessage): Promise<Uint8Array> {
  const domain = encodeUtf8(message.domain);
  const payload = encodeUtf8(message.payload);
  const prefix = encodeUtf8('ton-proof-item-v2/');
  const bytes = new Uint8Array(prefix.length + 4 + 32 + 4 + domain.length + 8 + payload.length);
  const view = new DataView(bytes.buffer);
  let at = 0;
  bytes.set(prefix, at);
  at += prefix.length;
  view.setInt32(at, message.workchain, false);
  at += 4;
  bytes.set(message.addressHash, at);
  at += 32;
  view.setUint32(at, domain.length, true);
  at += 4;
  bytes.set(domain, at);
  at += domain.length;
  view.setBigUint64(at, BigInt(message.timestamp), true);
  at += 8;
  bytes.set(payload, at);
  const inner = await crypto.sha256(bytes);
  const outer = new Uint8Array(2 + 11 + 32);
  outer.set([0xff, 0xff], 0);
  outer.set(encodeUtf8('ton-connect'), 2);
  outer.set(inner, 13);
  return crypto.sha256(outer);
}
