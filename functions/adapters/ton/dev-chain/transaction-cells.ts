import { type Cell, Dictionary, loadMessage, loadTransaction, type Message, type Transaction } from '@ton/core';
import { normalizedMessageHash } from '../../../core/payments/message-hash';

/** A message as it sits in a transaction: its own cell (for its hash) and its parsed form. */
export interface StoredMessage {
  cell: Cell;
  message: Message;
  /** Hex hash of the message cell as stored. */
  hash: string;
  /** TEP-467 normalized hash, hex, for an external-in message; else null. */
  hashNorm: string | null;
}

/** A transaction read from its own cell, with its messages' cells. */
export interface DecodedTransaction {
  tx: Transaction;
  account: string;
  inMessage: StoredMessage | null;
  outMessages: StoredMessage[];
}

/**
 * Reads a transaction and the cells of its messages from the transaction cell. Hashes come from the
 * cells as the chain stored them: re-serializing a parsed message may lay it out differently (body
 * inline or in a reference) and hash to something else.
 * transaction$0111 … ^[ in_msg:(Maybe ^(Message Any)) out_msgs:(HashmapE 15 ^(Message Any)) ] …
 * (block.tlb, github.com/ton-blockchain/ton/blob/master/crypto/block/block.tlb)
 */
export function decodeTransaction(raw: Cell): DecodedTransaction {
  const tx = loadTransaction(raw.beginParse());
  const messages = raw.refs[0];
  if (!messages) throw new Error('decodeTransaction: a transaction cell without its messages reference');
  const slice = messages.beginParse();
  const inCell = slice.loadBit() ? slice.loadRef() : null;
  const outCells = slice.loadDict(Dictionary.Keys.Uint(15), Dictionary.Values.Cell());
  const inMessage = inCell ? storedMessage(inCell) : null;
  const outMessages = [...outCells.keys()].sort((a, b) => a - b).map((key) => storedMessage(outCells.get(key)!));
  // The transaction names its account by hash only; the workchain comes from the message that ran it.
  const dest = inMessage?.message.info.dest;
  const workchain = dest && 'workChain' in dest ? dest.workChain : 0;
  return { tx, account: `${workchain}:${tx.address.toString(16).padStart(64, '0')}`, inMessage, outMessages };
}

function storedMessage(cell: Cell): StoredMessage {
  const message = loadMessage(cell.beginParse());
  return {
    cell,
    message,
    hash: cell.hash().toString('hex'),
    hashNorm: message.info.type === 'external-in' ? normalizedMessageHash(message) : null,
  };
}
