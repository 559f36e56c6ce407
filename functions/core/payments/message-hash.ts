import { beginCell, storeMessage, type Message } from '@ton/core';
import { encodeHex } from '../init-data/encoding';

/**
 * TEP-467 normalized hash of an external-in message, hex: the same transfer hashes the same whatever a
 * wallet chose for `src`, `import_fee`, state init and body placement. Rules: src = addr_none,
 * import_fee = 0, no init, body always in a reference.
 * github.com/ton-blockchain/TEPs/pull/467 · docs.ton.org/ecosystem/ton-connect/message-lookup
 */
export function normalizedMessageHash(message: Message): string {
  if (message.info.type !== 'external-in') {
    throw new TypeError(`normalizedMessageHash: an external-in message is needed, got ${message.info.type}`);
  }
  const normalized: Message = {
    info: { type: 'external-in', src: null, dest: message.info.dest, importFee: 0n },
    init: null,
    body: message.body,
  };
  return encodeHex(
    beginCell()
      .store(storeMessage(normalized, { forceRef: true }))
      .endCell()
      .hash(),
  );
}
