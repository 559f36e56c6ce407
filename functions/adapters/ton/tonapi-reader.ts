import { Cell } from '@ton/core';
import { z } from 'zod';
import { toRawAddress } from '../../core/payments/chain-address';
import { ChainUnavailableError, type ChainMessage, type ChainReader, type ChainTransaction } from '../../core/payments/chain-reader';
import { readComment } from '../../core/payments/comment-payload';
import { createIndexerClient, indexerAddress, oldestFirstAfter, requireHashHex, type IndexerReaderOptions } from './indexer-http';

// tonapi v2 (github.com/tonkeeper/opentonapi, api/openapi.yml): hashes hex, lt and amounts int64 JSON
// numbers (read without rounding), addresses `{ address: "0:<hex>" }`, message body hex BOC in raw_body.
const int64 = z.union([z.number().int(), z.string().regex(/^-?\d+$/)]).transform((v) => BigInt(v));
const accountAddress = z.object({ address: z.string() });
const message = z.object({
  msg_type: z.string(),
  hash: z.string(),
  value: int64,
  bounced: z.boolean(),
  source: accountAddress.nullish(),
  destination: accountAddress.nullish(),
  decoded_op_name: z.string().nullish(),
  decoded_body: z.unknown().nullish(),
  raw_body: z.string().nullish(),
});
const transaction = z.object({
  hash: z.string(),
  lt: int64,
  account: accountAddress,
  utime: z.number(),
  aborted: z.boolean(),
  prev_trans_lt: int64,
  prev_trans_hash: z.string(),
  // ComputeSkipReason cskip_no_state | cskip_bad_state | cskip_no_gas | cskip_suspended;
  // BouncePhaseType TrPhaseBounceNegfunds | TrPhaseBounceNofunds | TrPhaseBounceOk.
  compute_phase: z.object({ skipped: z.boolean(), skip_reason: z.string().nullish(), success: z.boolean().nullish() }).nullish(),
  bounce_phase: z.string().nullish(),
  in_msg: message.nullish(),
  out_msgs: z.array(message),
});
const transactions = z.object({ transactions: z.array(transaction) });
// GET /v2/blockchain/accounts/{account_id}/methods/{method_name}: MethodExecutionResult { success, exit_code,
// stack: [TvmStackRecord { type: cell | num | nan | null | tuple, cell: hex BOC, num }] }; a slice answer is
// written as type cell (opentonapi pkg/api/converters.go).
const methodResult = z.object({
  success: z.boolean(),
  exit_code: z.number(),
  stack: z.array(z.object({ type: z.string(), cell: z.string().nullish() })),
});
// GET /v2/accounts/{account_id}: Account { address, balance, status: nonexist | uninit | active | frozen, … }.
const account = z.object({ status: z.string() });
type TonapiTransaction = z.infer<typeof transaction>;
type TonapiMessage = z.infer<typeof message>;

/** `baseUrl`: the indexer's root, e.g. https://tonapi.io or https://testnet.tonapi.io. */
export type TonapiReaderOptions = IndexerReaderOptions;

/** {@link ChainReader} over tonapi v2. tonapi does not say whether a block is final: read as final. */
export function createTonapiReader(options: TonapiReaderOptions): ChainReader {
  const client = createIndexerClient({
    name: 'tonapi',
    baseUrl: options.baseUrl,
    headers: options.apiKey ? { Authorization: `Bearer ${options.apiKey}` } : {},
    fetch: options.fetch,
    retry: options.retry,
  });

  return {
    async findTransactionByInMessageHash(hashHex) {
      const body = await client.getJson(`/v2/blockchain/messages/${requireHashHex(hashHex)}/transaction`, { notFoundIsNull: true });
      if (body === null) return null;
      return toChainTransaction(parse(transaction, body));
    },

    async getAccountStatus(address) {
      // A never-seen address is answered 404 by some tonapi versions, with status nonexist by others.
      const body = await client.getJson(`/v2/accounts/${toRawAddress(address)}`, { notFoundIsNull: true });
      if (body === null) return 'nonexist';
      const { status } = parse(account, body);
      return status === 'active' || status === 'uninit' || status === 'frozen' ? status : 'nonexist';
    },

    async getJettonWalletAddress(master, owner) {
      // An argument in raw form `0:<hex>` is passed as a slice holding that address.
      const path = `/v2/blockchain/accounts/${toRawAddress(master)}/methods/get_wallet_address?args=${encodeURIComponent(toRawAddress(owner))}`;
      const body = await client.getJson(path, { notFoundIsNull: true });
      if (body === null) return null;
      const result = parse(methodResult, body);
      const [top] = result.stack;
      if (!result.success || result.exit_code !== 0 || top?.type !== 'cell' || !top.cell) return null;
      try {
        return Cell.fromBoc(Buffer.from(top.cell, 'hex'))[0]!.beginParse().loadAddress().toRawString();
      } catch {
        throw new ChainUnavailableError('tonapi: a get-method answer that is not an address');
      }
    },

    async listAccountTransactions(account, afterLt, limit) {
      // A raw address (`0:<hex>`) is path-safe as it is, and is how tonapi's own examples write it.
      const id = toRawAddress(account);
      const body = await client.getJson(`/v2/blockchain/accounts/${id}/transactions?after_lt=${afterLt}&sort_order=asc&limit=${limit}`);
      return oldestFirstAfter(parse(transactions, body).transactions.map(toChainTransaction), afterLt, limit);
    },
  };
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) throw new ChainUnavailableError('tonapi: an answer in an unexpected shape');
  return result.data;
}

const BOUNCE_PHASES = { TrPhaseBounceOk: 'ok', TrPhaseBounceNegfunds: 'negfunds', TrPhaseBounceNofunds: 'nofunds' } as const;

function toChainTransaction(tx: TonapiTransaction): ChainTransaction {
  const compute = tx.compute_phase;
  return {
    hash: hexHash(tx.hash),
    lt: tx.lt,
    prevLt: tx.prev_trans_lt,
    prevHash: hexHash(tx.prev_trans_hash),
    account: rawAddress(tx.account.address),
    now: tx.utime,
    inMessage: tx.in_msg ? toChainMessage(tx.in_msg) : null,
    outMessages: tx.out_msgs.map(toChainMessage),
    phases: {
      aborted: tx.aborted,
      compute: !compute
        ? null
        : compute.skipped
          ? { kind: 'skipped', reason: (compute.skip_reason ?? 'unknown').replace(/^cskip_/, '') }
          : { kind: 'vm', success: compute.success === true },
      bounce: tx.bounce_phase && tx.bounce_phase in BOUNCE_PHASES ? BOUNCE_PHASES[tx.bounce_phase as keyof typeof BOUNCE_PHASES] : null,
    },
    finalized: true,
  };
}

function toChainMessage(msg: TonapiMessage): ChainMessage {
  const chainMessage: ChainMessage = {
    hash: hexHash(msg.hash),
    source: msg.source ? rawAddress(msg.source.address) : null,
    destination: msg.destination ? rawAddress(msg.destination.address) : null,
    valueNano: msg.value,
    bounced: msg.bounced,
    comment: comment(msg),
  };
  if (msg.raw_body && /^(?:[0-9a-fA-F]{2})+$/.test(msg.raw_body)) chainMessage.bodyBoc = Buffer.from(msg.raw_body, 'hex').toString('base64');
  return chainMessage;
}

function comment(msg: TonapiMessage): string | null {
  if (msg.decoded_op_name === 'text_comment') {
    const text = (msg.decoded_body as { text?: unknown } | null | undefined)?.text;
    return typeof text === 'string' ? text : null;
  }
  if (msg.decoded_op_name || !msg.raw_body) return null;
  try {
    return readComment(Cell.fromBoc(Buffer.from(msg.raw_body, 'hex'))[0]!);
  } catch {
    return null;
  }
}

function rawAddress(address: string): string {
  return indexerAddress('tonapi', address);
}

function hexHash(hash: string): string {
  if (!/^[0-9a-fA-F]{64}$/.test(hash)) throw new ChainUnavailableError('tonapi: a hash that is not 64 hex characters');
  return hash.toLowerCase();
}
