import { type Address, Cell, CellType, contractAddress, loadStateInit, type StateInit } from '@ton/core';
import { encodeHex } from '../init-data/encoding';
import { TonProofMalformedError, TonProofStateInitMismatchError, TonProofWalletUnsupportedError } from './ton-proof-errors';

/** Standard wallet contracts whose data the shop can read a public key from. */
export type WalletVersion = 'v3r1' | 'v3r2' | 'v4r2' | 'v5r1';

// Code cell hashes of the standard wallets (the same code @ton/ton deploys; a unit test checks them
// against it). github.com/ton-blockchain/wallet-contract and wallet-contract-v5.
const WALLET_CODE_HASHES: Record<string, WalletVersion> = {
  b61041a58a7980b946e8fb9e198e3c904d24799ffa36574ea4251c41a566f581: 'v3r1',
  '84dafa449f98a6987789ba232358072bc0f76dc4524002a5d0918b9a75d2d599': 'v3r2',
  feb5ff6820e2ff0d9483e7e0d62c817d846789fb4ae580c878866d959dabd5c0: 'v4r2',
  '20834b7b72b112147e1b2fb457b84e74d1a30f04f737d4f62a668e9552d2b72f': 'v5r1',
};

/**
 * The public key of the wallet at `address`, read from the StateInit (base64 BOC) the wallet shared,
 * after checking that this StateInit really is the one the address was derived from (the address is
 * the hash of the StateInit, so a made-up StateInit with another key cannot pass).
 *
 * Data layouts: V3 `seqno:uint32 subwallet:uint32 public_key:bits256`; V4R2 the same then a plugins
 * dict; V5R1 `is_signature_allowed:bit seqno:uint32 wallet_id:int32 public_key:bits256 extensions`.
 *
 * @throws TonProofMalformedError, TonProofStateInitMismatchError, TonProofWalletUnsupportedError
 */
export function readWalletPublicKey(address: Address, stateInitBase64: string): { publicKey: Uint8Array; version: WalletVersion } {
  let init: StateInit;
  try {
    init = loadStateInit(Cell.fromBase64(stateInitBase64).beginParse());
  } catch {
    throw new TonProofMalformedError('state_init is not a base64 StateInit');
  }
  if (!contractAddress(address.workChain, init).equals(address)) throw new TonProofStateInitMismatchError();
  const version = init.code ? WALLET_CODE_HASHES[codeHash(init.code)] : undefined;
  if (!version || !init.data) throw new TonProofWalletUnsupportedError();
  try {
    const data = init.data.beginParse();
    if (version === 'v5r1') data.skip(1 + 32 + 32);
    else data.skip(32 + 32);
    return { publicKey: new Uint8Array(data.loadBuffer(32)), version };
  } catch {
    throw new TonProofWalletUnsupportedError();
  }
}

/**
 * The hash of the code a StateInit runs. Wallets may deploy W5 with its code as a library cell (a
 * reference by hash to the code in the masterchain's libraries): its content is the tag byte 2 and then
 * the hash of the code it stands for.
 */
function codeHash(code: Cell): string {
  if (code.isExotic && code.type === CellType.Library) {
    const slice = code.beginParse(true);
    slice.skip(8);
    return encodeHex(new Uint8Array(slice.loadBuffer(32)));
  }
  return encodeHex(new Uint8Array(code.hash()));
}
