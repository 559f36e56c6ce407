import { beginCell, type Address, type Cell } from '@ton/core';
import { JettonBodyError } from './jetton-body-error';
import { loadForwardPayload, storeForwardPayload, type ForwardPayload } from './jetton-forward-payload';
import { expectOp, readField, readInternalAddress } from './jetton-slice-reads';

// transfer#0f8a7ea5 query_id:uint64 amount:(VarUInteger 16) destination:MsgAddress
//   response_destination:MsgAddress custom_payload:(Maybe ^Cell) forward_ton_amount:(VarUInteger 16)
//   forward_payload:(Either Cell ^Cell) = InternalMsgBody;
// TEP-74, github.com/ton-blockchain/TEPs (text/0074-jettons-standard.md). It is sent by the owner to
// their own jetton wallet, which moves the jettons to the wallet of `destination` (an owner, not a jetton wallet).
export const JETTON_TRANSFER_OP = 0x0f8a7ea5;

// VarUInteger 16 is a 4-bit byte length (0..15) then that many bytes: at most 2^120 - 1.
const VAR_UINT16_LIMIT = 1n << 120n;
const UINT64_LIMIT = 1n << 64n;

/** What a jetton `transfer` asks for, field by field as in the TL-B. Amounts are integers. */
export interface JettonTransfer {
  queryId: bigint;
  /** Jetton elementary units (micro-USDT for USDT, 6 decimals). */
  amount: bigint;
  /** The new owner (their main wallet); the jetton wallets are derived from it. */
  destination: Address;
  /** Who gets the excess TON back; null is addr_none. */
  responseDestination: Address | null;
  customPayload: Cell | null;
  forwardTonAmountNano: bigint;
  forwardPayload: ForwardPayload;
}

/** What building a transfer takes: the forward payload, when there is one, always goes in a reference. */
export interface JettonTransferInput {
  queryId: bigint;
  amount: bigint;
  destination: Address;
  responseDestination: Address | null;
  forwardTonAmountNano: bigint;
  forwardPayload: Cell | null;
}

/**
 * The body of a jetton `transfer`, with no custom payload and the forward payload in a reference.
 * @throws RangeError when a number does not fit its field.
 */
export function buildJettonTransferBody(input: JettonTransferInput): Cell {
  checkRange('queryId', input.queryId, UINT64_LIMIT);
  checkRange('amount', input.amount, VAR_UINT16_LIMIT);
  checkRange('forwardTonAmountNano', input.forwardTonAmountNano, VAR_UINT16_LIMIT);
  return beginCell()
    .storeUint(JETTON_TRANSFER_OP, 32)
    .storeUint(input.queryId, 64)
    .storeCoins(input.amount)
    .storeAddress(input.destination)
    .storeAddress(input.responseDestination)
    .storeMaybeRef(null)
    .storeCoins(input.forwardTonAmountNano)
    .store(storeForwardPayload(input.forwardPayload))
    .endCell();
}

/** Reads a jetton `transfer` body, refusing anything the TL-B does not allow. @throws JettonBodyError */
export function parseJettonTransferBody(body: Cell): JettonTransfer {
  const slice = body.beginParse();
  expectOp(slice, JETTON_TRANSFER_OP, 'transfer');
  const queryId = readField(slice, 'query_id', (s) => s.loadUintBig(64));
  const amount = readField(slice, 'amount', (s) => s.loadCoins());
  const destination = readInternalAddress(slice, 'destination', false);
  const responseDestination = readInternalAddress(slice, 'response_destination', true);
  const hasCustomPayload = readField(slice, 'custom_payload', (s) => s.loadBit());
  if (hasCustomPayload && slice.remainingRefs < 1) throw new JettonBodyError('missing_ref', 'custom_payload says "in a reference" and the body has none');
  const customPayload = hasCustomPayload ? slice.loadRef() : null;
  const forwardTonAmountNano = readField(slice, 'forward_ton_amount', (s) => s.loadCoins());
  const forwardPayload = loadForwardPayload(slice);
  return { queryId, amount, destination, responseDestination, customPayload, forwardTonAmountNano, forwardPayload };
}

function checkRange(name: string, value: bigint, limit: bigint): void {
  if (value < 0n || value >= limit) throw new RangeError(`${name} must be from 0 to ${limit - 1n}, got ${value}`);
}
