import { Cell, loadMessage, type Message } from '@ton/core';
import { decodeBase64 } from '../bytes/base64';
import { DomainError } from '../domain-error';
import { encodeHex } from '../init-data/encoding';
import { readComment } from './comment-payload';
import { normalizedMessageHash } from './message-hash';
import { decodeWalletTransferBody, type WalletVersion } from './wallet-transfer-body';
import { JettonBodyError } from './jetton-body-error';
import { readForwardComment } from './jetton-forward-payload';
import { peekOp } from './jetton-slice-reads';
import { JETTON_TRANSFER_OP, parseJettonTransferBody } from './jetton-transfer-body';

/** One transfer the signed message asks the wallet to make. */
export interface ParsedTransfer {
  /** Raw `0:<hex>`. */
  destination: string;
  valueNano: bigint;
  comment: string | null;
  bounce: boolean;
  /**
   * Present when the message's body is a jetton `transfer` (TEP-74): a payment in jettons, sent to the
   * payer's own jetton wallet. `owner` is the new owner (raw), `comment` the forward payload's text,
   * `bodyHash` the hash of the whole transfer body (hex): how a USDT refund's BOC is checked to carry
   * exactly the transfer Bazaar built (query_id, response destination and forward amount included).
   */
  jetton?: { amount: bigint; owner: string; comment: string | null; bodyHash: string };
}

/** A TON Connect `sendTransaction` result, read. Hashes are 64 lowercase hex characters. */
export interface ParsedTransferBoc {
  /** The wallet the external message goes to: the payer. Raw `0:<hex>`. */
  walletAddress: string;
  /** Hash of the BOC root cell: what the wallet's transaction records as its in-message hash. */
  hashRaw: string;
  /** TEP-467 normalized hash of the same message: stable whatever the wallet's serialization. */
  hashNorm: string;
  walletVersion: WalletVersion;
  seqno: number;
  /** Unix seconds after which the wallet refuses the message. */
  validUntil: number;
  transfers: ParsedTransfer[];
}

/** The text is not a base64 BOC of one external-in message. */
export class BocInvalidError extends DomainError {
  declare readonly code: 'BOC_INVALID';

  constructor(readonly problem: string) {
    super('invalid', 'BOC_INVALID', `The signed message from the wallet could not be read (${problem}). Try paying again.`);
  }
}

/** An external message, but not a transfer request to a wallet this shop understands. */
export class BocNotATransferError extends DomainError {
  declare readonly code: 'BOC_NOT_A_TRANSFER';

  constructor() {
    super(
      'unprocessable',
      'BOC_NOT_A_TRANSFER',
      'The signed message is not a TON transfer from a standard wallet (V3R2, V4R2 or V5R1). Pay with a standard TON wallet.',
    );
  }
}

// A wallet's external message with state init and four commented transfers is a few kilobytes.
const MAX_BOC_BYTES = 64 * 1024;
const BASE64 = /^(?:[A-Za-z0-9+/]|[A-Za-z0-9\-_])+={0,2}$/;

/**
 * Reads what a wallet returned from TON Connect `sendTransaction`: who pays, the raw and TEP-467
 * normalized message hashes, and the transfers it asks for. Pure: it proves nothing about the chain
 * (the message may never land); the payment decision is made from the merchant's transaction.
 * @throws BocInvalidError, BocNotATransferError
 */
export function parseTransferBoc(bocBase64: string): ParsedTransferBoc {
  const root = readSingleRoot(bocBase64);
  let message: Message;
  try {
    message = loadMessage(root.beginParse());
  } catch {
    throw new BocInvalidError('not a message');
  }
  if (message.info.type !== 'external-in') throw new BocInvalidError(`an ${message.info.type} message, not an external one`);

  const request = decodeWalletTransferBody(message.body);
  if (!request) throw new BocNotATransferError();
  const transfers: ParsedTransfer[] = [];
  for (const { message: out } of request.messages) {
    if (out.info.type !== 'internal') continue;
    const jetton = readJettonTransfer(out.body);
    transfers.push({
      destination: out.info.dest.toRawString(),
      valueNano: out.info.value.coins,
      comment: readComment(out.body),
      bounce: out.info.bounce,
      ...(jetton && { jetton }),
    });
  }
  if (transfers.length === 0) throw new BocNotATransferError();

  return {
    walletAddress: message.info.dest.toRawString(),
    hashRaw: encodeHex(root.hash()),
    hashNorm: normalizedMessageHash(message),
    walletVersion: request.version,
    seqno: request.seqno,
    validUntil: request.validUntil,
    transfers,
  };
}

/** The jetton transfer a message body asks for, or null when it is not one (or not a readable one). */
function readJettonTransfer(body: Cell): ParsedTransfer['jetton'] | null {
  if (peekOp(body.beginParse()) !== JETTON_TRANSFER_OP) return null;
  try {
    const transfer = parseJettonTransferBody(body);
    return {
      amount: transfer.amount,
      owner: transfer.destination.toRawString(),
      comment: readForwardComment(transfer.forwardPayload),
      bodyHash: encodeHex(body.hash()),
    };
  } catch (error) {
    if (error instanceof JettonBodyError) return null;
    throw error;
  }
}

function readSingleRoot(bocBase64: string): Cell {
  const text = typeof bocBase64 === 'string' ? bocBase64.trim() : '';
  if (text.length === 0 || text.length > (MAX_BOC_BYTES * 4) / 3 + 4 || !BASE64.test(text)) {
    throw new BocInvalidError('not base64');
  }
  let roots: Cell[];
  try {
    // @ton/core types its input as Node's Buffer but only reads it as bytes (indexing, subarray).
    roots = Cell.fromBoc(decodeBase64(text) as Parameters<typeof Cell.fromBoc>[0]);
  } catch {
    throw new BocInvalidError('not a bag of cells');
  }
  const [root] = roots;
  if (roots.length !== 1 || !root) throw new BocInvalidError('a bag of cells must hold exactly one root');
  return root;
}
