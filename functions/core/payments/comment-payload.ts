import { beginCell, type Cell } from '@ton/core';
import { encodeBase64 } from '../bytes/base64';
import { concatBytes } from '../bytes/concat-bytes';

// A plain text comment is op 0 (32 zero bits) followed by UTF-8 bytes in "snake" form: bytes fill a
// cell, the rest continues in its single reference. docs.ton.org/develop/smart-contracts/guidelines/internal-messages
const TEXT_COMMENT_OP = 0;

/** The body cell of a text comment. */
export function buildCommentCell(text: string): Cell {
  return beginCell().storeUint(TEXT_COMMENT_OP, 32).storeStringTail(text).endCell();
}

/** The TON Connect `payload` for a transfer carrying a text comment: the body cell as a base64 BOC. */
export function buildCommentPayload(text: string): string {
  return encodeBase64(buildCommentCell(text).toBoc());
}

/**
 * The comment a message body carries, or null when the body is not a text comment: empty, another op,
 * a tail that is not snake-shaped, or bytes that are not valid UTF-8 (indexers call that a binary comment).
 */
export function readComment(body: Cell): string | null {
  const slice = body.beginParse();
  if (slice.remainingBits < 32 || slice.loadUint(32) !== TEXT_COMMENT_OP) return null;
  const chunks: Uint8Array[] = [];
  let cell = slice;
  for (;;) {
    if (cell.remainingBits % 8 !== 0 || cell.remainingRefs > 1) return null;
    chunks.push(cell.loadBuffer(cell.remainingBits / 8));
    if (cell.remainingRefs === 0) break;
    cell = cell.loadRef().beginParse();
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(concatBytes(chunks));
  } catch {
    return null;
  }
}
