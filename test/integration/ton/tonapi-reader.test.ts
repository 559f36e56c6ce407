import { Address, beginCell, Cell } from '@ton/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createChainReader } from '../../../functions/adapters/ton/create-chain-reader';
import { createTonapiReader } from '../../../functions/adapters/ton/tonapi-reader';
import { ChainUnavailableError } from '../../../functions/core/payments/chain-reader';
import { buildCommentCell } from '../../../functions/core/payments/comment-payload';
import { JETTON_TRANSFER_NOTIFICATION_OP } from '../../../functions/core/payments/jetton-notification';
import { judgeJettonNotification } from '../../../functions/core/payments/jetton-notification-trust';
import { createFakeTonapi, tonapiMessage, tonapiTransaction, type FakeTonapi } from '../../fakes/fake-tonapi';

const MERCHANT = '0:' + 'a1'.repeat(32);
const PAYER = '0:' + 'b2'.repeat(32);
const FAST_RETRY = { attempts: 3, baseDelayMs: 5, maxDelayMs: 10, deadlineMs: 2_000, requestTimeoutMs: 500 };
const hash = (n: number) => n.toString(16).padStart(64, '0');

function payment(
  n: number,
  fields: { valueNano?: bigint; comment?: string; aborted?: boolean; bounced?: boolean; rawBodyHex?: string } & Pick<
    Parameters<typeof tonapiTransaction>[0],
    'computeSkipReason' | 'bouncePhase'
  > = {},
) {
  return tonapiTransaction({
    hash: hash(1000 + n),
    lt: 47_000_000_000_000n + BigInt(n) * 1_000n,
    prevLt: 47_000_000_000_000n + BigInt(n - 1) * 1_000n,
    prevHash: hash(1000 + n - 1),
    account: MERCHANT,
    utime: 1_800_000_000 + n,
    aborted: fields.aborted,
    computeSkipReason: fields.computeSkipReason,
    bouncePhase: fields.bouncePhase,
    inMsg: tonapiMessage({
      hash: hash(2000 + n),
      source: PAYER,
      destination: MERCHANT,
      valueNano: fields.valueNano ?? 1_000_000_000n,
      comment: fields.rawBodyHex ? undefined : (fields.comment ?? `bz:ABCD234${n % 10}`),
      bounced: fields.bounced,
      rawBodyHex: fields.rawBodyHex,
    }),
  });
}

describe('tonapi reader against a fake tonapi speaking its documented format', () => {
  let fake: FakeTonapi;
  const reader = (apiKey?: string) => createTonapiReader({ baseUrl: fake.baseUrl, apiKey, fetch: fake.fetch, retry: FAST_RETRY });

  afterEach(() => {
    expect(fake.unexpected).toEqual([]);
  });

  it('finds a transaction by its in-message hash and reads what a payment decision needs', async () => {
    fake = createFakeTonapi();
    fake.add(payment(1));
    const tx = await reader().findTransactionByInMessageHash(hash(2001).toUpperCase());
    expect(tx).toEqual({
      hash: hash(1001),
      lt: 47_000_000_001_000n,
      account: MERCHANT,
      now: 1_800_000_001,
      inMessage: { hash: hash(2001), source: PAYER, destination: MERCHANT, valueNano: 1_000_000_000n, bounced: false, comment: 'bz:ABCD2341' },
      outMessages: [],
      prevLt: 47_000_000_000_000n,
      prevHash: hash(1000),
      phases: { aborted: false, compute: { kind: 'vm', success: true }, bounce: null },
      finalized: true,
    });
    expect(fake.requests.at(-1)?.path).toBe(`/v2/blockchain/messages/${hash(2001)}/transaction`);
  });

  it('answers null when tonapi answers 404', async () => {
    fake = createFakeTonapi();
    expect(await reader().findTransactionByInMessageHash(hash(9))).toBeNull();
  });

  it('lists the account after a cursor, oldest first, asking tonapi for after_lt, sort_order=asc and limit', async () => {
    fake = createFakeTonapi();
    fake.add(payment(1), payment(2), payment(3), payment(4));
    const page = await reader().listAccountTransactions(MERCHANT.toUpperCase(), 47_000_000_001_000n, 2);
    expect(page.map((tx) => tx.lt)).toEqual([47_000_000_002_000n, 47_000_000_003_000n]);
    expect(fake.requests.at(-1)).toMatchObject({
      path: `/v2/blockchain/accounts/${MERCHANT}/transactions`,
      query: { after_lt: '47000000001000', sort_order: 'asc', limit: '2' },
    });
  });

  it('keeps int64 amounts exact beyond 2^53', async () => {
    fake = createFakeTonapi();
    fake.add(payment(1, { valueNano: 9_007_199_254_740_993n }));
    const [tx] = await reader().listAccountTransactions(MERCHANT, 0n, 10);
    expect(tx?.inMessage?.valueNano).toBe(9_007_199_254_740_993n);
  });

  it('reads the phases that decide whether the value stayed: compute skip reason, bounce phase, aborted', async () => {
    fake = createFakeTonapi();
    fake.add(
      payment(1, { aborted: true, computeSkipReason: 'cskip_no_state' }),
      payment(2, { aborted: true, computeSkipReason: 'cskip_no_state', bouncePhase: 'TrPhaseBounceOk' }),
      payment(3, { bounced: true }),
      payment(4, { aborted: true, computeSkipReason: 'cskip_no_gas' }),
    );
    const [uninit, sentBack, bounced, noGas] = await reader().listAccountTransactions(MERCHANT, 0n, 10);
    expect(uninit?.phases).toEqual({ aborted: true, compute: { kind: 'skipped', reason: 'no_state' }, bounce: null });
    expect(sentBack?.phases).toEqual({ aborted: true, compute: { kind: 'skipped', reason: 'no_state' }, bounce: 'ok' });
    expect(bounced).toMatchObject({ inMessage: { bounced: true } });
    expect(noGas?.phases.compute).toEqual({ kind: 'skipped', reason: 'no_gas' });
  });

  it('reads the previous transaction each one names, for the reconciler’s continuity check', async () => {
    fake = createFakeTonapi();
    fake.add(payment(1), payment(2));
    const [, second] = await reader().listAccountTransactions(MERCHANT, 0n, 10);
    expect(second).toMatchObject({ prevLt: 47_000_000_001_000n, prevHash: hash(1001) });
  });

  it('reads the account status, and a never-seen account (404) as nonexist', async () => {
    fake = createFakeTonapi();
    fake.setAccountStatus(MERCHANT, 'uninit');
    expect(await reader().getAccountStatus(MERCHANT)).toBe('uninit');
    expect(fake.requests.at(-1)?.path).toBe(`/v2/accounts/${MERCHANT}`);
    expect(await reader().getAccountStatus(PAYER)).toBe('nonexist');
  });

  it('reads the comment from the raw body when tonapi did not decode it', async () => {
    fake = createFakeTonapi();
    fake.add(payment(1, { rawBodyHex: buildCommentCell('bz:WXYZ2345').toBoc().toString('hex') }));
    const [tx] = await reader().listAccountTransactions(MERCHANT, 0n, 10);
    expect(tx?.inMessage?.comment).toBe('bz:WXYZ2345');
  });

  it('sends the API key as a bearer token', async () => {
    fake = createFakeTonapi({ apiKey: 'secret-key' });
    fake.add(payment(1));
    expect(await reader('secret-key').listAccountTransactions(MERCHANT, 0n, 10)).toHaveLength(1);
    expect(fake.requests.at(-1)?.authorization).toBe('Bearer secret-key');
    await expect(reader('wrong-key').listAccountTransactions(MERCHANT, 0n, 10)).rejects.toThrow(/HTTP 401/);
  });

  it('retries through a rate limit and an outage, and gives up with ChainUnavailableError', async () => {
    fake = createFakeTonapi();
    fake.add(payment(1));
    fake.failNext(2, 429);
    expect(await reader().listAccountTransactions(MERCHANT, 0n, 10)).toHaveLength(1);
    fake.failNext(FAST_RETRY.attempts, 500);
    await expect(reader().findTransactionByInMessageHash(hash(2001))).rejects.toThrow(ChainUnavailableError);
  });

  it('treats an answer that is not a tonapi transaction as unavailable, not as "no payment"', async () => {
    fake = createFakeTonapi();
    const broken = { ...payment(1), hash: 'not-a-hash' };
    fake.add(broken);
    await expect(reader().listAccountTransactions(MERCHANT, 0n, 10)).rejects.toThrow(ChainUnavailableError);
  });
});

describe('tonapi reader for USDT (TEP-74 jettons)', () => {
  let fake: FakeTonapi;
  const USDT_MASTER = '0:' + 'c3'.repeat(32);
  const MERCHANT_USDT_WALLET = '0:' + 'd4'.repeat(32);
  const reader = () => createTonapiReader({ baseUrl: fake.baseUrl, fetch: fake.fetch, retry: FAST_RETRY });

  afterEach(() => {
    expect(fake.unexpected).toEqual([]);
  });

  it("derives the merchant's jetton wallet with get_wallet_address on the master, the owner as a raw-address argument", async () => {
    fake = createFakeTonapi();
    fake.setJettonWallet(USDT_MASTER, MERCHANT, MERCHANT_USDT_WALLET);
    expect(await reader().getJettonWalletAddress!(USDT_MASTER, MERCHANT)).toBe(MERCHANT_USDT_WALLET);
    expect(fake.requests.at(-1)).toMatchObject({ path: `/v2/blockchain/accounts/${USDT_MASTER}/methods/get_wallet_address`, query: { args: MERCHANT } });
  });

  it('answers null for a master tonapi does not know', async () => {
    fake = createFakeTonapi();
    expect(await reader().getJettonWalletAddress!(USDT_MASTER, MERCHANT)).toBeNull();
  });

  it('keeps the raw body, so that a notification the merchant got through tonapi is judged by the same rule', async () => {
    fake = createFakeTonapi();
    const body = beginCell()
      .storeUint(JETTON_TRANSFER_NOTIFICATION_OP, 32)
      .storeUint(1, 64)
      .storeCoins(19_990_000n)
      .storeAddress(Address.parse(PAYER))
      .storeBit(1)
      .storeRef(buildCommentCell('bz:ABCD2345'))
      .endCell();
    const notification = tonapiTransaction({
      hash: hash(3001),
      lt: 48_000_000_000_000n,
      prevLt: 47_000_000_000_000n,
      prevHash: hash(3000),
      account: MERCHANT,
      utime: 1_800_000_100,
      aborted: true,
      computeSkipReason: 'cskip_no_gas',
      inMsg: tonapiMessage({ hash: hash(4001), source: MERCHANT_USDT_WALLET, destination: MERCHANT, valueNano: 1n, rawBodyHex: body.toBoc().toString('hex') }),
    });
    fake.add(notification);
    const [tx] = await reader().listAccountTransactions(MERCHANT, 0n, 10);
    expect(tx?.inMessage?.bodyBoc).toBe(body.toBoc().toString('base64'));
    const verdict = judgeJettonNotification({
      tx: tx!,
      body: Cell.fromBase64(tx!.inMessage!.bodyBoc!),
      merchantAddress: MERCHANT,
      merchantJettonWallet: MERCHANT_USDT_WALLET,
      order: { id: 'order-1', comment: 'bz:ABCD2345', quotedMicroUsdt: 19_990_000n },
    });
    expect(verdict).toMatchObject({ kind: 'pays', fit: 'exact', payment: { payer: PAYER, amountMicroUsdt: 19_990_000n } });
  });
});

describe('createChainReader', () => {
  it('makes the reader TON_INDEXER names', async () => {
    const fake = createFakeTonapi();
    fake.add(payment(1));
    const tonapi = createChainReader({ kind: 'tonapi', baseUrl: fake.baseUrl, fetch: fake.fetch, retry: FAST_RETRY });
    expect(await tonapi.listAccountTransactions(MERCHANT, 0n, 10)).toHaveLength(1);

    const paths: string[] = [];
    const toncenter = createChainReader({
      kind: 'toncenter',
      baseUrl: 'https://toncenter.fake/',
      fetch: (input) => {
        paths.push(new URL(input).pathname);
        return Promise.resolve(Response.json({ transactions: [], address_book: {} }));
      },
    });
    expect(await toncenter.listAccountTransactions(MERCHANT, 0n, 10)).toEqual([]);
    expect(paths).toEqual(['/api/v3/transactions']);
  });
});
