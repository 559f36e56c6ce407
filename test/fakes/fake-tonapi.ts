import { Address, beginCell } from '@ton/core';
import { Hono } from 'hono';
import type { FetchFn } from '../../functions/adapters/ton/indexer-http';

// A local stand-in for tonapi v2 (tonapi.io), answering in its documented wire format
// (github.com/tonkeeper/opentonapi, api/openapi.yml: Transaction, Message, AccountAddress, Account, Error):
// hashes 64 hex, lt / value / fees int64 JSON numbers, addresses { address: "0:<hex>", is_scam, is_wallet },
// message body as hex BOC in raw_body, decoded comment in decoded_body.text with decoded_op_name
// "text_comment", errors { "error": "…" }, get-methods as MethodExecutionResult. Only the reads the shop uses
// exist; any other request is answered 501 and recorded in `unexpected`, which a test asserts empty.

export const FAKE_TONAPI_URL = 'https://tonapi.fake';

export interface TonapiAccountAddress {
  address: string;
  name?: string;
  is_scam: boolean;
  is_wallet: boolean;
}

export interface TonapiMessage {
  msg_type: 'int_msg' | 'ext_in_msg' | 'ext_out_msg';
  created_lt: bigint;
  ihr_disabled: boolean;
  bounce: boolean;
  bounced: boolean;
  value: bigint;
  fwd_fee: bigint;
  ihr_fee: bigint;
  destination?: TonapiAccountAddress;
  source?: TonapiAccountAddress;
  import_fee: bigint;
  created_at: number;
  op_code?: string;
  hash: string;
  raw_body?: string;
  decoded_op_name?: string;
  decoded_body?: unknown;
}

export interface TonapiTransaction {
  hash: string;
  lt: bigint;
  account: TonapiAccountAddress;
  success: boolean;
  utime: number;
  orig_status: 'nonexist' | 'uninit' | 'active' | 'frozen';
  end_status: 'nonexist' | 'uninit' | 'active' | 'frozen';
  total_fees: bigint;
  end_balance: bigint;
  transaction_type: 'TransOrd';
  state_update_old: string;
  state_update_new: string;
  in_msg?: TonapiMessage;
  out_msgs: TonapiMessage[];
  block: string;
  prev_trans_hash: string;
  prev_trans_lt: bigint;
  compute_phase?: { skipped: boolean; skip_reason?: string; success?: boolean; gas_fees?: bigint; gas_used?: bigint; vm_steps?: number; exit_code?: number };
  credit_phase?: { fees_collected: bigint; credit: bigint };
  bounce_phase?: 'TrPhaseBounceNegfunds' | 'TrPhaseBounceNofunds' | 'TrPhaseBounceOk';
  aborted: boolean;
  destroyed: boolean;
  raw: string;
}

const account = (address: string): TonapiAccountAddress => ({ address, is_scam: false, is_wallet: true });

/** A tonapi `Message` for an incoming transfer, all required fields set. */
export function tonapiMessage(fields: {
  hash: string;
  source?: string;
  destination: string;
  valueNano?: bigint;
  comment?: string;
  bounced?: boolean;
  rawBodyHex?: string;
  external?: boolean;
}): TonapiMessage {
  return {
    msg_type: fields.external ? 'ext_in_msg' : 'int_msg',
    created_lt: 0n,
    ihr_disabled: true,
    bounce: false,
    bounced: fields.bounced ?? false,
    value: fields.valueNano ?? 0n,
    fwd_fee: 0n,
    ihr_fee: 0n,
    destination: account(fields.destination),
    ...(fields.source && { source: account(fields.source) }),
    import_fee: 0n,
    created_at: 1_800_000_000,
    ...(fields.comment !== undefined && { op_code: '0x00000000', decoded_op_name: 'text_comment', decoded_body: { text: fields.comment } }),
    hash: fields.hash,
    ...(fields.rawBodyHex && { raw_body: fields.rawBodyHex }),
  };
}

/** A tonapi `Transaction`, all required fields set. */
export function tonapiTransaction(fields: {
  hash: string;
  lt: bigint;
  account: string;
  utime?: number;
  inMsg?: TonapiMessage;
  outMsgs?: TonapiMessage[];
  aborted?: boolean;
  computeSuccess?: boolean;
  /** `cskip_no_state` for a wallet never deployed, `cskip_no_gas` for a notification with 1 nanoton. */
  computeSkipReason?: 'cskip_no_state' | 'cskip_bad_state' | 'cskip_no_gas' | 'cskip_suspended';
  bouncePhase?: TonapiTransaction['bounce_phase'];
  /** The account's previous transaction; default lt − 1 and a made-up hash. */
  prevLt?: bigint;
  prevHash?: string;
}): TonapiTransaction {
  const success = !fields.aborted && fields.computeSuccess !== false && !fields.computeSkipReason;
  return {
    hash: fields.hash,
    lt: fields.lt,
    account: account(fields.account),
    success,
    utime: fields.utime ?? 1_800_000_000,
    orig_status: 'active',
    end_status: 'active',
    total_fees: 1_000_000n,
    end_balance: 10_000_000_000n,
    transaction_type: 'TransOrd',
    state_update_old: '00'.repeat(32),
    state_update_new: '11'.repeat(32),
    ...(fields.inMsg && { in_msg: fields.inMsg }),
    out_msgs: fields.outMsgs ?? [],
    block: '(0,8000000000000000,1)',
    prev_trans_hash: fields.prevHash ?? '22'.repeat(32),
    prev_trans_lt: fields.prevLt ?? fields.lt - 1n,
    compute_phase: fields.computeSkipReason
      ? { skipped: true, skip_reason: fields.computeSkipReason }
      : { skipped: false, success: fields.computeSuccess !== false, gas_fees: 1000n, gas_used: 500n, vm_steps: 10, exit_code: 0 },
    ...(fields.inMsg && fields.inMsg.value > 0n && { credit_phase: { fees_collected: 0n, credit: fields.inMsg.value } }),
    ...(fields.bouncePhase && { bounce_phase: fields.bouncePhase }),
    aborted: fields.aborted ?? false,
    destroyed: false,
    raw: 'b5ee9c72',
  };
}

export interface FakeTonapi {
  baseUrl: string;
  fetch: FetchFn;
  add(...transactions: TonapiTransaction[]): void;
  /** What GET /v2/accounts/:id answers as `status` for this raw address (else 404, as for a never-seen one). */
  setAccountStatus(address: string, status: 'nonexist' | 'uninit' | 'active' | 'frozen'): void;
  /** What `get_wallet_address(owner)` on the jetton `master` answers (raw addresses); other pairs get 404. */
  setJettonWallet(master: string, owner: string, wallet: string): void;
  /** The next `count` requests are answered with `status` (an outage, a rate limit). */
  failNext(count: number, status: number): void;
  requests: Array<{ path: string; query: Record<string, string>; authorization: string | null }>;
  unexpected: string[];
}

/** A fake tonapi in-process; with `apiKey`, requests without `Authorization: Bearer <apiKey>` get 401. */
export function createFakeTonapi(options: { apiKey?: string } = {}): FakeTonapi {
  const transactions: TonapiTransaction[] = [];
  const fake: FakeTonapi = {
    baseUrl: FAKE_TONAPI_URL,
    fetch: (input, init) => Promise.resolve(app.fetch(new Request(input, init))),
    add: (...txs) => {
      transactions.push(...txs);
      transactions.sort((a, b) => (a.lt < b.lt ? -1 : 1));
    },
    setAccountStatus: (address, status) => {
      statuses.set(address.toLowerCase(), status);
    },
    setJettonWallet: (master, owner, wallet) => {
      jettonWallets.set(`${master.toLowerCase()}/${owner.toLowerCase()}`, wallet.toLowerCase());
    },
    failNext: (count, status) => {
      failures.push(...Array.from({ length: count }, () => status));
    },
    requests: [],
    unexpected: [],
  };
  const failures: number[] = [];
  const statuses = new Map<string, string>();
  const jettonWallets = new Map<string, string>();
  const app = new Hono();

  app.use('*', async (c, next) => {
    fake.requests.push({ path: c.req.path, query: c.req.query(), authorization: c.req.header('authorization') ?? null });
    const status = failures.shift();
    if (status !== undefined) return c.json({ error: `fake outage (${status})` }, status as 500);
    if (options.apiKey && c.req.header('authorization') !== `Bearer ${options.apiKey}`) return c.json({ error: 'unauthorized' }, 401);
    return next();
  });

  app.get('/v2/blockchain/accounts/:accountId/transactions', (c) => {
    const id = c.req.param('accountId').toLowerCase();
    const afterLt = c.req.query('after_lt');
    const beforeLt = c.req.query('before_lt');
    const limit = Number(c.req.query('limit') ?? 100);
    const order = c.req.query('sort_order') ?? 'desc';
    let list = transactions.filter(
      (tx) => tx.account.address === id && (afterLt === undefined || tx.lt > BigInt(afterLt)) && (beforeLt === undefined || tx.lt < BigInt(beforeLt)),
    );
    if (order === 'desc') list = [...list].reverse();
    return jsonWithInt64({ transactions: list.slice(0, limit) });
  });

  // Account (api/openapi.yml): address, balance, status, last_activity, get_methods, is_wallet required.
  app.get('/v2/accounts/:accountId', (c) => {
    const id = c.req.param('accountId').toLowerCase();
    const status = statuses.get(id);
    if (!status) return c.json({ error: 'entity not found' }, 404);
    return jsonWithInt64({ address: id, balance: 1_000_000_000n, status, last_activity: 1_800_000_000, get_methods: [], is_wallet: true });
  });

  // MethodExecutionResult: success, exit_code, stack of TvmStackRecord (a slice is written as type cell, hex BOC).
  app.get('/v2/blockchain/accounts/:accountId/methods/get_wallet_address', (c) => {
    const owner = c.req.queries('args')?.[0]?.toLowerCase();
    const wallet = jettonWallets.get(`${c.req.param('accountId').toLowerCase()}/${owner}`);
    if (!wallet) return c.json({ error: 'entity not found' }, 404);
    const cell = beginCell().storeAddress(Address.parseRaw(wallet)).endCell().toBoc().toString('hex');
    return c.json({ success: true, exit_code: 0, stack: [{ type: 'cell', cell }], decoded: { jetton_wallet_address: wallet } });
  });

  app.get('/v2/blockchain/messages/:msgId/transaction', (c) => {
    const hash = c.req.param('msgId').toLowerCase();
    const tx = transactions.find((t) => t.in_msg?.hash === hash);
    return tx ? jsonWithInt64(tx) : c.json({ error: 'entity not found' }, 404);
  });

  app.all('*', (c) => {
    fake.unexpected.push(`${c.req.method} ${c.req.path}`);
    return c.json({ error: 'the fake tonapi does not know this request' }, 501);
  });
  return fake;
}

// tonapi writes int64 as bare JSON numbers, beyond 2^53 too: bigints are written so here.
function jsonWithInt64(value: unknown): Response {
  const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `__int64__${v}` : v)).replace(/"__int64__(-?\d+)"/g, '$1');
  return new Response(text, { headers: { 'content-type': 'application/json' } });
}
