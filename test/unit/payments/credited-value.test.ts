import { describe, expect, it } from 'vitest';
import type { ChainTransaction, TransactionPhases } from '../../../functions/core/payments/chain-reader';
import { creditedValue } from '../../../functions/core/payments/credited-value';

const MERCHANT = '0:' + 'aa'.repeat(32);

function tx(phases: TransactionPhases, message: { source?: string | null; valueNano?: bigint } | null = {}): ChainTransaction {
  return {
    hash: 'cc'.repeat(32),
    lt: 2n,
    prevLt: 1n,
    prevHash: 'dd'.repeat(32),
    account: MERCHANT,
    now: 1_800_000_000,
    inMessage:
      message === null
        ? null
        : {
            hash: 'ee'.repeat(32),
            source: message.source === undefined ? '0:' + 'bb'.repeat(32) : message.source,
            destination: MERCHANT,
            valueNano: message.valueNano ?? 5n,
            bounced: false,
            comment: null,
          },
    outMessages: [],
    phases,
    finalized: true,
  };
}

describe('creditedValue', () => {
  it.each<[string, TransactionPhases, bigint]>([
    ['an ordinary transfer to a deployed wallet', { aborted: false, compute: { kind: 'vm', success: true }, bounce: null }, 5n],
    [
      'a non-bounceable transfer to an uninit wallet: aborted, compute skipped (no_state), no bounce',
      { aborted: true, compute: { kind: 'skipped', reason: 'no_state' }, bounce: null },
      5n,
    ],
    ['a notification with too little gas to run (no_gas)', { aborted: true, compute: { kind: 'skipped', reason: 'no_gas' }, bounce: null }, 5n],
    [
      'a failed compute of a non-bounceable message (the value was credited first)',
      { aborted: true, compute: { kind: 'vm', success: false }, bounce: null },
      5n,
    ],
    ['a bounce that had no funds to send the value back', { aborted: true, compute: { kind: 'vm', success: false }, bounce: 'nofunds' }, 5n],
    ['a bounceable transfer the uninit wallet sent back (bounce ok)', { aborted: true, compute: { kind: 'skipped', reason: 'no_state' }, bounce: 'ok' }, 0n],
  ])('%s', (_name, phases, credited) => {
    expect(creditedValue(tx(phases))).toBe(credited);
  });

  it('is nothing for an external message, a missing one or a zero value', () => {
    const ok: TransactionPhases = { aborted: false, compute: { kind: 'vm', success: true }, bounce: null };
    expect(creditedValue(tx(ok, { source: null }))).toBe(0n);
    expect(creditedValue(tx(ok, null))).toBe(0n);
    expect(creditedValue(tx(ok, { valueNano: 0n }))).toBe(0n);
  });
});
