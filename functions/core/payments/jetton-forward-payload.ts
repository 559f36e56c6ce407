import { beginCell, type Builder, type Cell, type Slice } from '@ton/core';
import { JettonBodyError } from './jetton-body-error';
import { buildCommentCell, readComment } from './comment-payload';

/**
 * A `forward_payload:(Either Cell ^Cell)` as it was carried: `inline` (left$0, the rest of the body is the
 * payload) or `ref` (right$1, the payload is the next reference). TEP-74, github.com/ton-blockchain/TEPs
 * (text/0074-jettons-standard.md).
 */
export interface ForwardPayload {
  form: 'inline' | 'ref';
  cell: Cell;
}

/**
 * Stores `payload` as `forward_payload` in a reference (right$1). Always a reference for what Bazaar sends:
 * toncenter's indexer records an inline forward payload as null, and the order comment would be lost.
 * Null stores the empty inline payload (left$0 and nothing after it).
 */
export function storeForwardPayload(payload: Cell | null): (builder: Builder) => void {
  return (builder) => {
    if (payload === null) builder.storeBit(0);
    else builder.storeBit(1).storeRef(payload);
  };
}

/**
 * Reads `forward_payload` at the end of a body, in either form. The inline form takes every bit and
 * reference left; the reference form must be the last thing in the body. @throws JettonBodyError
 */
export function loadForwardPayload(slice: Slice): ForwardPayload {
  if (slice.remainingBits < 1) throw new JettonBodyError('truncated', 'forward_payload has no Either bit');
  if (!slice.loadBit()) {
    return { form: 'inline', cell: beginCell().storeSlice(slice).endCell() };
  }
  if (slice.remainingRefs < 1) throw new JettonBodyError('missing_ref', 'forward_payload says "in a reference" and the body has none');
  const cell = slice.loadRef();
  if (slice.remainingBits > 0 || slice.remainingRefs > 0) throw new JettonBodyError('trailing_data', 'data follows forward_payload in a reference');
  return { form: 'ref', cell };
}

/** The forward payload of a Bazaar payment: the text comment (op 0 and UTF-8), e.g. `bz:<CODE>`. */
export function commentForwardPayload(text: string): Cell {
  return buildCommentCell(text);
}

/** The text comment a forward payload carries, or null (empty, binary, another op, not UTF-8). */
export function readForwardComment(payload: ForwardPayload): string | null {
  return readComment(payload.cell);
}
