/** One transaction of the dev chain, compact: the cell is kept as a BOC and decoded when served. */
export interface IndexedTransaction {
  /** Hex. */
  hash: string;
  lt: bigint;
  /** Raw `0:<64 lowercase hex>`. */
  account: string;
  now: number;
  /** The made-up masterchain block (one per message sent to the chain) that "holds" the transaction. */
  mcSeqno: number;
  /** Hash of the first transaction of the same sendMessage: toncenter's trace id. */
  traceHash: string;
  boc: Buffer;
  inMessageHash: string | null;
  inMessageHashNorm: string | null;
  outMessageHashes: string[];
}

export interface ListQuery {
  account?: string;
  /** Inclusive bounds, as toncenter's start_lt / end_lt. */
  startLt?: bigint;
  endLt?: bigint;
  sort: 'asc' | 'desc';
  limit: number;
  offset: number;
}

/**
 * The dev chain's own index of transactions by hash, account and lt, and in/out message hash (raw and
 * TEP-467 normalized). The sandbox's `getTransactions` reverses its array in place on every call and
 * keeps everything forever, so the chain records what each `sendMessage` returns here instead.
 * Memory is bounded: past `maxTransactions` the oldest are dropped (a tenth at a time).
 * Transactions must be added in increasing lt, as the chain produces them.
 */
export class TransactionIndex {
  private readonly all: IndexedTransaction[] = [];
  private readonly byHash = new Map<string, IndexedTransaction>();
  private readonly byAccount = new Map<string, IndexedTransaction[]>();
  private readonly byInMessage = new Map<string, IndexedTransaction[]>();
  private readonly byOutMessage = new Map<string, IndexedTransaction[]>();

  constructor(private readonly maxTransactions = 50_000) {}

  get size(): number {
    return this.all.length;
  }

  add(record: IndexedTransaction): void {
    this.all.push(record);
    this.byHash.set(record.hash, record);
    pushTo(this.byAccount, record.account, record);
    if (record.inMessageHash) pushTo(this.byInMessage, record.inMessageHash, record);
    if (record.inMessageHashNorm) pushTo(this.byInMessage, record.inMessageHashNorm, record);
    for (const hash of record.outMessageHashes) pushTo(this.byOutMessage, hash, record);
    if (this.all.length > this.maxTransactions + Math.ceil(this.maxTransactions / 10)) this.trim();
  }

  get(hashHex: string): IndexedTransaction | undefined {
    return this.byHash.get(hashHex.toLowerCase());
  }

  /** Transactions whose incoming (or outgoing) message has this raw or normalized hash, by lt. */
  byMessageHash(hashHex: string, direction?: 'in' | 'out'): IndexedTransaction[] {
    const hash = hashHex.toLowerCase();
    const found = [...(direction !== 'out' ? (this.byInMessage.get(hash) ?? []) : []), ...(direction !== 'in' ? (this.byOutMessage.get(hash) ?? []) : [])];
    return [...new Set(found)].sort((a, b) => (a.lt < b.lt ? -1 : a.lt > b.lt ? 1 : 0));
  }

  list(query: ListQuery): IndexedTransaction[] {
    const source = query.account === undefined ? this.all : (this.byAccount.get(query.account) ?? []);
    let from = query.startLt === undefined ? 0 : lowerBound(source, query.startLt);
    let to = query.endLt === undefined ? source.length : lowerBound(source, query.endLt + 1n);
    if (query.sort === 'asc') {
      from += query.offset;
      return source.slice(from, Math.min(to, from + query.limit));
    }
    to -= query.offset;
    return source.slice(Math.max(from, to - query.limit), Math.max(from, to)).reverse();
  }

  private trim(): void {
    const dropped = this.all.splice(0, this.all.length - this.maxTransactions);
    // The oldest transactions overall are the oldest of their accounts: cut each account's list once.
    const droppedPerAccount = new Map<string, number>();
    for (const record of dropped) {
      this.byHash.delete(record.hash);
      droppedPerAccount.set(record.account, (droppedPerAccount.get(record.account) ?? 0) + 1);
      if (record.inMessageHash) removeFrom(this.byInMessage, record.inMessageHash, record);
      if (record.inMessageHashNorm) removeFrom(this.byInMessage, record.inMessageHashNorm, record);
      for (const hash of record.outMessageHashes) removeFrom(this.byOutMessage, hash, record);
    }
    for (const [account, count] of droppedPerAccount) {
      const list = this.byAccount.get(account);
      list?.splice(0, count);
      if (list?.length === 0) this.byAccount.delete(account);
    }
  }
}

function pushTo(map: Map<string, IndexedTransaction[]>, key: string, record: IndexedTransaction): void {
  const list = map.get(key);
  if (list) list.push(record);
  else map.set(key, [record]);
}

function removeFrom(map: Map<string, IndexedTransaction[]>, key: string, record: IndexedTransaction): void {
  const list = map.get(key)?.filter((r) => r !== record);
  if (!list || list.length === 0) map.delete(key);
  else map.set(key, list);
}

/** First position whose lt is ≥ `lt` in a list sorted by lt. */
function lowerBound(list: IndexedTransaction[], lt: bigint): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.lt < lt) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
