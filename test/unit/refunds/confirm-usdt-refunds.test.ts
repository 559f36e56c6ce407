import { Address } from '@ton/core';
import { describe, expect, it } from 'vitest';
import { encodeBase64 } from '../../../functions/core/bytes/base64';
import { ChainUnavailableError, type ChainReader, type ChainTransaction } from '../../../functions/core/payments/chain-reader';
import { commentForwardPayload } from '../../../functions/core/payments/jetton-forward-payload';
import { buildJettonTransferBody } from '../../../functions/core/payments/jetton-transfer-body';
import { confirmRefunds } from '../../../functions/core/refunds/confirm-refunds';
import type { RefundConfirmation } from '../../../functions/core/refunds/refund-confirmation';
import type { OpenRefundToCheck, RefundConfirmationRepo } from '../../../functions/core/refunds/refund-repo';
import { REFUND_LAPSE_GRACE_SECONDS } from '../../../functions/core/refunds/refund-rules';

// The confirm-refunds job on USDT refunds: only the merchant's USDT jetton wallet's transaction that ran
// the merchant's transfer to success confirms one; the merchant wallet having sent it is not enough.

const MERCHANT = '0:' + 'aa'.repeat(32);
const PAYER = '0:' + 'bb'.repeat(32);
const JETTON_WALLET = '0:' + 'cc'.repeat(32);
const T0 = 1_800_000_000;
const BOC_HASH = '11'.repeat(32);
const TO_JETTON_WALLET = '22'.repeat(32);
const AMOUNT = 9_000_000n;

function refund(overrides: Partial<OpenRefundToCheck> = {}): OpenRefundToCheck {
  return {
    id: 'r1',
    asset: 'USDT',
    amount: AMOUNT,
    recipient: PAYER,
    status: 'sent',
    messageHash: BOC_HASH,
    orderCode: 'ABCD2345',
    validUntil: T0 + 300,
    scanFromLt: 10n,
    messageHashRaw: null,
    ...overrides,
  };
}

const base = (account: string, lt: bigint): Omit<ChainTransaction, 'inMessage' | 'outMessages' | 'phases'> => ({
  hash: `${account.slice(2, 4)}${lt.toString(16).padStart(62, '0')}`,
  lt,
  prevLt: lt - 1n,
  prevHash: '',
  account,
  now: T0 + 10,
  finalized: true,
});

/** The merchant's wallet runs the external message the admin signed and sends the transfer to its jetton wallet. */
function merchantTx(lt: bigint, sent = true): ChainTransaction {
  return {
    ...base(MERCHANT, lt),
    inMessage: { hash: '33'.repeat(32), hashNorm: BOC_HASH, source: null, destination: MERCHANT, valueNano: 0n, bounced: false, comment: null },
    outMessages: sent ? [{ hash: TO_JETTON_WALLET, source: MERCHANT, destination: JETTON_WALLET, valueNano: 50_000_000n, bounced: false, comment: null }] : [],
    phases: { aborted: false, compute: { kind: 'vm', success: true }, bounce: null },
  };
}

/** The merchant's jetton wallet runs (or refuses) that transfer. */
function jettonTx(fields: { success?: boolean; amount?: bigint; destination?: string; finalized?: boolean; account?: string } = {}): ChainTransaction {
  const success = fields.success ?? true;
  const body = buildJettonTransferBody({
    queryId: 1n,
    amount: fields.amount ?? AMOUNT,
    destination: Address.parse(fields.destination ?? PAYER),
    responseDestination: Address.parse(MERCHANT),
    forwardTonAmountNano: 1n,
    forwardPayload: commentForwardPayload('refund:ABCD2345'),
  });
  return {
    ...base(fields.account ?? JETTON_WALLET, 500n),
    finalized: fields.finalized ?? true,
    inMessage: {
      hash: TO_JETTON_WALLET,
      source: MERCHANT,
      destination: JETTON_WALLET,
      valueNano: 50_000_000n,
      bounced: false,
      comment: null,
      bodyBoc: encodeBase64(body.toBoc()),
    },
    outMessages: [],
    // A transfer the wallet cannot cover throws (not enough jettons) and bounces.
    phases: success
      ? { aborted: false, compute: { kind: 'vm', success: true }, bounce: null }
      : { aborted: true, compute: { kind: 'vm', success: false }, bounce: 'ok' },
  };
}

function chainOf(txs: ChainTransaction[]): ChainReader {
  return {
    findTransactionByInMessageHash: async (hash) => txs.find((tx) => tx.inMessage?.hashNorm === hash || tx.inMessage?.hash === hash) ?? null,
    listAccountTransactions: async (account, afterLt, limit) => txs.filter((tx) => tx.account === account && tx.lt > afterLt).slice(0, limit),
    getAccountStatus: async () => 'active',
  };
}

function repoOf(open: OpenRefundToCheck[]) {
  const confirmed: RefundConfirmation[] = [];
  const lapsed: string[] = [];
  const repo: RefundConfirmationRepo = {
    listOpenRefunds: async () => open.filter((r) => !confirmed.some((c) => c.refundId === r.id) && !lapsed.includes(r.id)),
    confirmRefund: async (confirmation) => (confirmed.push(confirmation), true),
    lapseRefund: async (id) => (lapsed.push(id), true),
    merchantReadThrough: async () => new Date((T0 + 10_000) * 1000),
  };
  return { repo, confirmed, lapsed };
}

const usdtAt = (wallet: string | null) => ({ merchantWallet: async () => wallet });
const PAST_LIFE = T0 + 300 + REFUND_LAPSE_GRACE_SECONDS + 1;

async function run(txs: ChainTransaction[], open: OpenRefundToCheck[], nowSeconds = T0 + 20, usdt = usdtAt(JETTON_WALLET)) {
  const { repo, confirmed, lapsed } = repoOf(open);
  const report = await confirmRefunds({ chain: chainOf(txs), refunds: repo, merchantAddress: MERCHANT, usdt, now: new Date(nowSeconds * 1000) });
  return { report, confirmed, lapsed };
}

describe('confirming a USDT refund', () => {
  it('confirms a sent refund by the jetton wallet’s transaction, followed from the merchant’s', async () => {
    const jetton = jettonTx();
    const { confirmed, lapsed } = await run([merchantTx(20n), jetton], [refund()]);
    expect(confirmed).toEqual([{ refundId: 'r1', transactionHash: jetton.hash }]);
    expect(lapsed).toEqual([]);
  });

  it('lapses it when the jetton wallet refused the transfer: the merchant’s wallet sent it, no jettons moved', async () => {
    const { confirmed, lapsed } = await run([merchantTx(20n), jettonTx({ success: false })], [refund()]);
    expect(confirmed).toEqual([]);
    expect(lapsed).toEqual(['r1']);
  });

  it.each([
    ['another amount', { amount: AMOUNT + 1n }],
    ['another recipient', { destination: MERCHANT }],
    ['a transaction on another account', { account: '0:' + 'dd'.repeat(32) }],
  ])('lapses it when what ran is not the refund: %s', async (_name, fields) => {
    const { confirmed, lapsed } = await run([merchantTx(20n), jettonTx(fields)], [refund()]);
    expect(confirmed).toEqual([]);
    expect(lapsed).toEqual(['r1']);
  });

  it('lapses it when the merchant’s wallet ran the message and sent nothing to its jetton wallet', async () => {
    const { confirmed, lapsed } = await run([merchantTx(20n, false)], [refund()]);
    expect([confirmed, lapsed]).toEqual([[], ['r1']]);
  });

  it('waits, even past the message’s life, while the jetton wallet’s transaction is not indexed or not final', async () => {
    for (const txs of [[merchantTx(20n)], [merchantTx(20n), jettonTx({ finalized: false })]]) {
      const { confirmed, lapsed } = await run(txs, [refund()], PAST_LIFE + 3600);
      expect([confirmed, lapsed]).toEqual([[], []]);
    }
  });

  it('finds a refund whose BOC never came back by scanning the merchant’s messages to its jetton wallet', async () => {
    const jetton = jettonTx();
    const open = [refund({ status: 'requested', messageHash: null })];
    expect((await run([merchantTx(20n), jetton], open)).confirmed).toEqual([]);
    const { confirmed } = await run([merchantTx(20n), jetton], open, PAST_LIFE);
    expect(confirmed).toEqual([{ refundId: 'r1', transactionHash: jetton.hash }]);
    // Found refused, or not at all: it lapses.
    expect((await run([merchantTx(20n), jettonTx({ success: false })], open, PAST_LIFE)).lapsed).toEqual(['r1']);
    expect((await run([], open, PAST_LIFE)).lapsed).toEqual(['r1']);
    // Not indexed yet: looked at again.
    expect(await run([merchantTx(20n)], open, PAST_LIFE)).toMatchObject({ confirmed: [], lapsed: [] });
  });

  it('leaves USDT refunds untouched while the merchant’s jetton wallet is unknown, and still checks TON ones', async () => {
    const ton = refund({ id: 'ton', asset: 'TON', status: 'requested', messageHash: null });
    const unavailable = {
      merchantWallet: async (): Promise<string | null> => {
        throw new ChainUnavailableError('down');
      },
    };
    for (const usdt of [usdtAt(null), unavailable]) {
      const { report, lapsed } = await run([], [refund(), ton], PAST_LIFE, usdt);
      expect(report).toMatchObject({ checked: 1, lapsed: 1 });
      expect(lapsed).toEqual(['ton']);
    }
  });
});
