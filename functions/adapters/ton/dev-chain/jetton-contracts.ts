import { createHash } from 'node:crypto';
import { type Address, beginCell, Cell, Dictionary, type StateInit } from '@ton/core';
// Only the compiled code cells are taken from the package (each file exports a base64 BOC); the rest of
// it (deploy CLI, storage uploads) is not loaded.
import { jettonMinterCode } from '@ton-community/assets-sdk/dist/jetton/contracts/build/jetton-minter.js';
import { jettonWalletCode } from '@ton-community/assets-sdk/dist/jetton/contracts/build/jetton-wallet.js';

/** The classic TEP-74 jetton minter and wallet, compiled, as @ton-community/assets-sdk ships them. */
export const JETTON_MINTER_CODE = Cell.fromBase64(jettonMinterCode.codeBoc);
export const JETTON_WALLET_CODE = Cell.fromBase64(jettonWalletCode.codeBoc);

// The classic minter's own messages (not part of TEP-74): mint#15 query_id:uint64 to_address:MsgAddress
// amount:Coins master_msg:^internal_transfer, where internal_transfer#178d4519 query_id:uint64
// amount:Coins from:MsgAddress response_address:MsgAddress forward_ton_amount:Coins
// forward_payload:(Either Cell ^Cell). Its data: total_supply:Coins admin_address:MsgAddress
// content:^Cell jetton_wallet_code:^Cell.
const MINT_OP = 21;
const INTERNAL_TRANSFER_OP = 0x178d4519;

/** What a jetton says of itself (TEP-64 on-chain metadata). */
export interface JettonMetadata {
  name: string;
  symbol: string;
  decimals: number;
}

/** The minter's StateInit: no jettons yet, `admin` may mint. Its address follows from it. */
export function jettonMinterInit(admin: Address, metadata: JettonMetadata): StateInit {
  const data = beginCell().storeCoins(0n).storeAddress(admin).storeRef(onChainContent(metadata)).storeRef(JETTON_WALLET_CODE).endCell();
  return { code: JETTON_MINTER_CODE, data };
}

/**
 * The admin's `mint` of `amount` elementary units to `owner`: the minter deploys the owner's jetton wallet
 * with `walletTonNano` and credits it. No forward, so no notification; the excess goes back to the admin.
 */
export function jettonMintBody(input: { queryId: bigint; owner: Address; amount: bigint; admin: Address; walletTonNano: bigint }): Cell {
  const internalTransfer = beginCell()
    .storeUint(INTERNAL_TRANSFER_OP, 32)
    .storeUint(input.queryId, 64)
    .storeCoins(input.amount)
    .storeAddress(null)
    .storeAddress(input.admin)
    .storeCoins(0n)
    .storeBit(0)
    .endCell();
  return beginCell()
    .storeUint(MINT_OP, 32)
    .storeUint(input.queryId, 64)
    .storeAddress(input.owner)
    .storeCoins(input.walletTonNano)
    .storeRef(internalTransfer)
    .endCell();
}

// TEP-64 on-chain content: onchain#00 data:(HashmapE 256 ^ContentData), keyed by sha256 of the field
// name; each value snake#00 data:(SnakeData). github.com/ton-blockchain/TEPs (text/0064-token-data-standard.md)
function onChainContent(metadata: JettonMetadata): Cell {
  const dict = Dictionary.empty(Dictionary.Keys.Buffer(32), Dictionary.Values.Cell());
  const fields: Record<string, string> = { name: metadata.name, symbol: metadata.symbol, decimals: String(metadata.decimals) };
  for (const [key, value] of Object.entries(fields)) {
    dict.set(createHash('sha256').update(key).digest(), beginCell().storeUint(0, 8).storeStringTail(value).endCell());
  }
  return beginCell().storeUint(0, 8).storeDict(dict).endCell();
}
