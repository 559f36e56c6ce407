import type { ChainTransaction } from './chain-reader';

/**
 * The value an incoming internal message left on the account, or 0n when it went back.
 *
 * Decided from chain semantics, not from the `aborted` flag. A message's value is credited to the account
 * before its code runs (the credit phase); it leaves again only through a bounce phase of type `ok`, which
 * sends it back to the sender. So a non-bounceable transfer to a wallet that was never used to send
 * (uninit: compute skipped for `no_state`, transaction aborted, no bounce phase) has been received, and so
 * has a jetton notification carried with too little gas to run (`no_gas`). A bounceable one to the same
 * wallet bounces and is not received. See docs.ton.org/develop/smart-contracts/messages (bounce) and
 * block.tlb (TrBouncePhase).
 */
export function creditedValue(tx: ChainTransaction): bigint {
  const msg = tx.inMessage;
  if (!msg || msg.source === null || msg.valueNano <= 0n) return 0n;
  if (tx.phases.bounce === 'ok') return 0n;
  return msg.valueNano;
}
