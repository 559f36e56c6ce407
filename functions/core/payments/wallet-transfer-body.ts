import { loadMessageRelaxed, loadOutList, type Cell, type MessageRelaxed, type Slice } from '@ton/core';

export type WalletVersion = 'v5r1' | 'v4r2' | 'v3r2';

/** One message a wallet is asked to send, with its send mode. */
export interface WalletOutMessage {
  mode: number;
  message: MessageRelaxed;
}

/** What a signed external request to a standard wallet asks for. */
export interface WalletTransferBody {
  version: WalletVersion;
  walletId: number;
  /** Unix seconds after which the wallet refuses the request. */
  validUntil: number;
  seqno: number;
  messages: WalletOutMessage[];
}

const SIGNATURE_BITS = 512;
// Wallet V5R1 external request: signed_request$_ opcode:#7369676e ("sign") wallet_id:int32
// valid_until:uint32 seqno:uint32 inner:InnerRequest signature:bits512, where InnerRequest =
// out_actions:(Maybe ^OutList) has_other_actions:(## 1) [^ActionList]. The signature is at the END.
// github.com/ton-blockchain/wallet-contract-v5 (types.tlb)
const V5R1_SIGNED_EXTERNAL = 0x7369676e;
const V5R1_BITS = 32 * 4 + 2 + SIGNATURE_BITS;
// Wallet V3R2 / V4R2: signature:bits512 subwallet_id:uint32 valid_until:uint32 seqno:uint32, V4 adds
// op:uint8 (0 = plain send), then one (mode:uint8, ^MessageRelaxed) pair per message (up to 4).
// github.com/ton-blockchain/wallet-contract (func/wallet-v4-code.fc)
const V3_HEADER_BITS = SIGNATURE_BITS + 96;
const V4_SIMPLE_SEND_OP = 0;

/**
 * Decodes the body of an external message to a standard wallet (V5R1, V4R2, V3R2) into the messages
 * it asks the wallet to send. Null when the body is none of these shapes or asks for no message. The
 * signature is not checked: the wallet contract does that, and a bad one never becomes a transaction.
 * The versions never collide: with r references, V5R1 has 642 bits, V4R2 616 + 8r, V3R2 608 + 8r.
 */
export function decodeWalletTransferBody(body: Cell): WalletTransferBody | null {
  try {
    const decoded = decodeV5R1(body) ?? decodeV3orV4(body);
    return decoded && decoded.messages.length > 0 ? decoded : null;
  } catch {
    return null;
  }
}

function decodeV5R1(body: Cell): WalletTransferBody | null {
  if (body.bits.length !== V5R1_BITS) return null;
  const s = body.beginParse();
  if (s.loadUint(32) !== V5R1_SIGNED_EXTERNAL) return null;
  const walletId = s.loadInt(32);
  const validUntil = s.loadUint(32);
  const seqno = s.loadUint(32);
  const outList = s.loadMaybeRef();
  // Other actions (extension management) change the wallet, not the payment: they are not read.
  if (s.loadBit()) s.loadRef();
  const messages: WalletOutMessage[] = [];
  for (const action of outList ? loadOutList(outList.beginParse()) : []) {
    if (action.type === 'sendMsg') messages.push({ mode: action.mode, message: action.outMsg });
  }
  return { version: 'v5r1', walletId, validUntil, seqno, messages };
}

function decodeV3orV4(body: Cell): WalletTransferBody | null {
  const refs = body.refs.length;
  const pairBits = 8 * refs;
  const version = body.bits.length === V3_HEADER_BITS + 8 + pairBits ? 'v4r2' : body.bits.length === V3_HEADER_BITS + pairBits ? 'v3r2' : null;
  if (!version) return null;
  const s = body.beginParse();
  s.skip(SIGNATURE_BITS);
  const walletId = s.loadUint(32);
  const validUntil = s.loadUint(32);
  const seqno = s.loadUint(32);
  if (version === 'v4r2' && s.loadUint(8) !== V4_SIMPLE_SEND_OP) return null;
  return { version, walletId, validUntil, seqno, messages: loadModeMessagePairs(s) };
}

function loadModeMessagePairs(s: Slice): WalletOutMessage[] {
  const messages: WalletOutMessage[] = [];
  while (s.remainingRefs > 0) {
    const mode = s.loadUint(8);
    messages.push({ mode, message: loadMessageRelaxed(s.loadRef().beginParse()) });
  }
  return messages;
}
