import { describe, expect, it } from 'vitest';
import type { ChainReader, ChainTransaction } from '../../../functions/core/payments/chain-reader';
import { confirmRefunds } from '../../../functions/core/refunds/confirm-refunds';
import type { RefundConfirmation } from '../../../functions/core/refunds/refund-confirmation';
import type { OpenRefundToCheck, RefundConfirmationRepo } from '../../../functions/core/refunds/refund-repo';
import { REFUND_LAPSE_GRACE_SECONDS } from '../../../functions/core/refunds/refund-rules';
import { REFUND_LAPSE_UNREAD_SECONDS } from '../../../functions/core/refunds/confirm-refunds';

const MERCHANT = '0:' + 'aa'.repeat(32);
const PAYER = '0:' + 'bb'.repeat(32);
const T0 = 1_800_000_000;
const HASH = 'cc'.repeat(32);

function refund(overrides: Partial<OpenRefundToCheck> = {}): OpenRefundToCheck {
  return {
    id: 'r1',
    asset: 'TON',
    amount: 1_000_000_000n,
    recipient: PAYER,
    status: 'sent',
    messageHash: HASH,
    orderCode: 'ABCD2345',
    validUntil: T0 + 300,
    scanFromLt: 10n,
    messageHashRaw: null,
    ...overrides,
  };
}

/** A merchant-wallet transaction running an external message that sends `value` to the payer with `comment`. */
function merchantTx(lt: bigint, fields: { value?: bigint; comment?: string; hashNorm?: string; success?: boolean; now?: number } = {}): ChainTransaction {
  const success = fields.success ?? true;
  return {
    hash: lt.toString(16).padStart(64, '0'),
    lt,
    prevLt: lt - 1n,
    prevHash: '',
    account: MERCHANT,
    now: fields.now ?? T0 + 10,
    inMessage: { hash: 'dd'.repeat(32), hashNorm: fields.hashNorm ?? HASH, source: null, destination: MERCHANT, valueNano: 0n, bounced: false, comment: null },
    outMessages: success
      ? [
          {
            hash: 'ee'.repeat(32),
            source: MERCHANT,
            destination: PAYER,
            valueNano: fields.value ?? 1_000_000_000n,
            bounced: false,
            comment: fields.comment ?? 'refund:ABCD2345',
          },
        ]
      : [],
    phases: { aborted: !success, compute: { kind: 'vm', success }, bounce: null },
    finalized: true,
  };
}

/** The chain as an indexer would show it: the merchant's transactions, found by in-message hash or listed. */
function chainOf(txs: ChainTransaction[]): ChainReader {
  return {
    findTransactionByInMessageHash: async (hash) => txs.find((tx) => tx.inMessage?.hashNorm === hash || tx.inMessage?.hash === hash) ?? null,
    listAccountTransactions: async (_account, afterLt, limit) => txs.filter((tx) => tx.lt > afterLt).slice(0, limit),
    getAccountStatus: async () => 'active',
  };
}

/** `readThroughSeconds`: when the reconciler last read the merchant account to its head (default: past everything here). */
function repoOf(open: OpenRefundToCheck[], readThroughSeconds: number | null = T0 + 10_000) {
  const confirmed: RefundConfirmation[] = [];
  const lapsed: string[] = [];
  const repo: RefundConfirmationRepo = {
    listOpenRefunds: async () => open.filter((r) => !confirmed.some((c) => c.refundId === r.id) && !lapsed.includes(r.id)),
    confirmRefund: async (confirmation) => (confirmed.push(confirmation), true),
    lapseRefund: async (id) => (lapsed.push(id), true),
    merchantReadThrough: async () => (readThroughSeconds === null ? null : new Date(readThroughSeconds * 1000)),
  };
  return { repo, confirmed, lapsed };
}

const run = (chain: ChainReader, repo: RefundConfirmationRepo, nowSeconds: number) =>
  confirmRefunds({ chain, refunds: repo, merchantAddress: MERCHANT, now: new Date(nowSeconds * 1000) });

describe('confirming refunds from the chain', () => {
  it('confirms a sent refund by its message’s normalized hash, with the transaction that carried it', async () => {
    const tx = merchantTx(11n);
    const { repo, confirmed } = repoOf([refund()]);
    expect(await run(chainOf([tx]), repo, T0 + 20)).toEqual({ checked: 1, confirmed: 1, lapsed: 0 });
    expect(confirmed).toEqual([{ refundId: 'r1', transactionHash: tx.hash }]);
  });

  it('finds a sent refund by its raw message hash when the indexer knows no normalized one', async () => {
    const tx = merchantTx(11n);
    const rawOnly: ChainTransaction = { ...tx, inMessage: { ...tx.inMessage!, hash: 'ef'.repeat(32), hashNorm: undefined } as ChainTransaction['inMessage'] };
    const { repo, confirmed } = repoOf([refund({ messageHashRaw: 'ef'.repeat(32) })]);
    expect(await run(chainOf([rawOnly]), repo, T0 + 20)).toMatchObject({ confirmed: 1 });
    expect(confirmed).toEqual([{ refundId: 'r1', transactionHash: tx.hash }]);
  });

  it('lapses a sent refund whose message ran and sent nothing: its seqno is spent, it can never land', async () => {
    const { repo, lapsed } = repoOf([refund()]);
    expect(await run(chainOf([merchantTx(11n, { success: false })]), repo, T0 + 20)).toMatchObject({ confirmed: 0, lapsed: 1 });
    expect(lapsed).toEqual(['r1']);
  });

  it('waits while a message can still land, and lapses it only past valid_until and the grace', async () => {
    const { repo, lapsed } = repoOf([refund()]);
    expect(await run(chainOf([]), repo, T0 + 300 + REFUND_LAPSE_GRACE_SECONDS)).toMatchObject({ lapsed: 0 });
    expect(await run(chainOf([]), repo, T0 + 301 + REFUND_LAPSE_GRACE_SECONDS)).toMatchObject({ lapsed: 1 });
    expect(lapsed).toEqual(['r1']);
  });

  it('does not lapse a refund before the reconciler has read the merchant account past its message’s life, nor wait for ever', async () => {
    const lapseAt = T0 + 301 + REFUND_LAPSE_GRACE_SECONDS;
    // The indexer lags: the last read to the head started before the message could have been listed.
    const { repo, lapsed } = repoOf([refund()], lapseAt - 200);
    expect(await run(chainOf([]), repo, lapseAt)).toMatchObject({ lapsed: 0 });
    expect(await run(chainOf([]), repo, T0 + 300 + REFUND_LAPSE_UNREAD_SECONDS)).toMatchObject({ lapsed: 0 });
    // A dead indexer: 15 minutes past the message's life, it lapses anyway.
    expect(await run(chainOf([]), repo, T0 + 301 + REFUND_LAPSE_UNREAD_SECONDS)).toMatchObject({ lapsed: 1 });
    expect(lapsed).toEqual(['r1']);
    const never = repoOf([refund()], null);
    expect(await run(chainOf([]), never.repo, lapseAt)).toMatchObject({ lapsed: 0 });
  });

  it('does not confirm from a transaction whose block is not final yet', async () => {
    const { repo, confirmed } = repoOf([refund()]);
    expect(await run(chainOf([{ ...merchantTx(11n), finalized: false }]), repo, T0 + 20)).toMatchObject({ confirmed: 0, lapsed: 0 });
    expect(confirmed).toEqual([]);
  });

  it('finds a refund whose BOC never came back by its transfer after the cursor, before lapsing it', async () => {
    const before = merchantTx(9n); // before the refund was requested: not looked at
    const other = merchantTx(11n, { value: 5n, hashNorm: 'ff'.repeat(32) });
    const carried = merchantTx(12n, { hashNorm: 'ab'.repeat(32) });
    const { repo, confirmed } = repoOf([refund({ status: 'requested', messageHash: null })]);
    // Not before its message's life is over: the BOC may still come back.
    expect(await run(chainOf([before, other, carried]), repo, T0 + 20)).toMatchObject({ confirmed: 0, lapsed: 0 });
    expect(await run(chainOf([before, other, carried]), repo, T0 + 301 + REFUND_LAPSE_GRACE_SECONDS)).toMatchObject({ confirmed: 1, lapsed: 0 });
    expect(confirmed).toEqual([{ refundId: 'r1', transactionHash: carried.hash }]);
  });

  it('does not take a transfer of another amount or another order for a refund whose BOC never came back', async () => {
    const { repo, lapsed } = repoOf([refund({ status: 'requested', messageHash: null })]);
    const txs = [merchantTx(11n, { value: 999n }), merchantTx(12n, { comment: 'refund:ZZZZ2345' })];
    expect(await run(chainOf(txs), repo, T0 + 301 + REFUND_LAPSE_GRACE_SECONDS)).toMatchObject({ confirmed: 0, lapsed: 1 });
    expect(lapsed).toEqual(['r1']);
  });

  it('keeps a refund open when the merchant’s history was not read to past its message’s life', async () => {
    const txs = Array.from({ length: 120 }, (_, i) => merchantTx(BigInt(11 + i), { value: 1n, hashNorm: 'ff'.repeat(32) }));
    const { repo, lapsed } = repoOf([refund({ status: 'requested', messageHash: null })]);
    const report = await confirmRefunds({ chain: chainOf(txs), refunds: repo, merchantAddress: MERCHANT, now: new Date((T0 + 1000) * 1000), maxScanPages: 2 });
    expect(report).toMatchObject({ confirmed: 0, lapsed: 0 });
    expect(lapsed).toEqual([]);
  });
});
