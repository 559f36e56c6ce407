import { describe, expect, it } from 'vitest';
import { TransactionIndex, type IndexedTransaction } from '../../../functions/adapters/ton/dev-chain/transaction-index';

const A = '0:' + 'aa'.repeat(32);
const B = '0:' + 'bb'.repeat(32);

function record(n: number, account = n % 2 ? A : B): IndexedTransaction {
  const hex = (tag: string) => (tag + n.toString(16).padStart(8, '0')).padEnd(64, '0');
  return {
    hash: hex('01'),
    lt: BigInt(n) * 1000n,
    account,
    now: 1_800_000_000 + n,
    mcSeqno: n,
    traceHash: hex('01'),
    boc: Buffer.alloc(0),
    inMessageHash: hex('02'),
    inMessageHashNorm: hex('03'),
    outMessageHashes: [hex('04')],
  };
}

function filled(count: number, max = 1000): TransactionIndex {
  const index = new TransactionIndex(max);
  for (let n = 1; n <= count; n++) index.add(record(n));
  return index;
}

describe('TransactionIndex', () => {
  it('finds a transaction by its in-message hash, raw or normalized, and by an out-message hash', () => {
    const index = filled(10);
    const r = record(3);
    expect(index.byMessageHash(r.inMessageHash!)).toEqual([r]);
    expect(index.byMessageHash(r.inMessageHashNorm!.toUpperCase(), 'in')).toEqual([r]);
    expect(index.byMessageHash(r.outMessageHashes[0]!, 'out')).toEqual([r]);
    expect(index.byMessageHash(r.outMessageHashes[0]!, 'in')).toEqual([]);
    expect(index.get(r.hash)).toEqual(r);
  });

  it('lists an account from an inclusive start lt, in either order, with limit and offset', () => {
    const index = filled(10);
    const lts = (list: IndexedTransaction[]) => list.map((r) => Number(r.lt / 1000n));
    expect(lts(index.list({ account: A, startLt: 4000n, sort: 'asc', limit: 2, offset: 0 }))).toEqual([5, 7]);
    expect(lts(index.list({ account: A, startLt: 5000n, sort: 'asc', limit: 10, offset: 1 }))).toEqual([7, 9]);
    expect(lts(index.list({ account: A, sort: 'desc', limit: 2, offset: 1 }))).toEqual([7, 5]);
    expect(lts(index.list({ account: B, startLt: 3000n, endLt: 8000n, sort: 'desc', limit: 10, offset: 0 }))).toEqual([8, 6, 4]);
    expect(lts(index.list({ sort: 'asc', limit: 3, offset: 0 }))).toEqual([1, 2, 3]);
    expect(index.list({ account: '0:' + 'cc'.repeat(32), sort: 'asc', limit: 10, offset: 0 })).toEqual([]);
  });

  it('keeps memory bounded: past its maximum it drops the oldest transactions from every view', () => {
    const index = filled(1200, 1000);
    expect(index.size).toBeLessThanOrEqual(1100);
    index.add(record(1201));
    expect(index.size).toBeLessThanOrEqual(1100);
    const oldest = record(1);
    expect(index.get(oldest.hash)).toBeUndefined();
    expect(index.byMessageHash(oldest.inMessageHash!)).toEqual([]);
    expect(index.byMessageHash(oldest.outMessageHashes[0]!)).toEqual([]);
    const firstOfA = index.list({ account: A, sort: 'asc', limit: 1, offset: 0 })[0]!;
    expect(index.get(firstOfA.hash)).toBe(firstOfA);
    expect(index.list({ account: A, sort: 'desc', limit: 1, offset: 0 })[0]!.lt).toBe(1201_000n);
  });
});
