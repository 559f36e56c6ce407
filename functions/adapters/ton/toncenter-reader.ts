import { Address, beginCell, Cell } from '@ton/core';
import { z } from 'zod';
import { toRawAddress } from '../../core/payments/chain-address';
import { ChainUnavailableError, type AccountStatus, type ChainMessage, type ChainReader, type ChainTransaction } from '../../core/payments/chain-reader';
import { readComment } from '../../core/payments/comment-payload';
import { createIndexerClient, indexerAddress, oldestFirstAfter, requireHashHex, type IndexerClient, type IndexerReaderOptions } from './indexer-http';

// toncenter indexer API v3 (github.com/toncenter/ton-indexer): hashes standard base64, addresses raw
// upper-case, lt and amounts decimal strings. Only the fields a payment decision needs are read.
const message = z.object({
  hash: z.string(),
  hash_norm: z.string().nullish(),
  source: z.string().nullish(),
  destination: z.string().nullish(),
  value: z.string().nullish(),
  bounced: z.boolean().nullish(),
  message_content: z
    .object({
      body: z.string().nullish(),
      decoded: z.object({ type: z.string(), comment: z.string().nullish() }).nullish(),
    })
    .nullish(),
});
const transaction = z.object({
  account: z.string(),
  hash: z.string(),
  lt: z.string().regex(/^\d+$/),
  now: z.number(),
  prev_trans_lt: z.string().regex(/^\d+$/),
  prev_trans_hash: z.string(),
  // ton-index-go/index/models/blockchain.go: TransactionDescr, ComputePhase, BouncePhase.
  description: z.object({
    aborted: z.boolean().nullish(),
    compute_ph: z.object({ skipped: z.boolean().nullish(), reason: z.string().nullish(), success: z.boolean().nullish() }).nullish(),
    bounce: z.object({ type: z.string().nullish() }).nullish(),
  }),
  in_msg: message.nullish(),
  out_msgs: z.array(message).nullish(),
  /** Newer indexer versions: pending | confirmed | finalized. Absent means the block is committed. */
  finality: z.string().nullish(),
});
const transactionPage = z.object({ transactions: z.array(transaction) });
// POST /api/v3/runGetMethod answers { gas_used, exit_code, stack: [{ type: "num", value: "0x…" }, …] }.
const getMethodResult = z.object({
  exit_code: z.union([z.number(), z.string()]).transform(Number),
  stack: z.array(z.object({ type: z.string(), value: z.unknown() })).nullish(),
});
// GET /api/v3/accountStates?address=…&include_boc=false answers { accounts: [AccountStateFull], address_book }.
const accountStates = z.object({ accounts: z.array(z.object({ address: z.string().nullish(), status: z.string().nullish() })) });
type ToncenterTransaction = z.infer<typeof transaction>;
type ToncenterMessage = z.infer<typeof message>;

/** `baseUrl`: the indexer's root, e.g. https://toncenter.com, or the dev chain at http://127.0.0.1:8080/dev/ton. */
export type ToncenterReaderOptions = IndexerReaderOptions;

/** {@link ChainReader} over toncenter's indexer API v3; the dev chain speaks the same format. */
export function createToncenterReader(options: ToncenterReaderOptions): ChainReader {
  const client = createIndexerClient({
    name: 'toncenter',
    baseUrl: options.baseUrl,
    headers: options.apiKey ? { 'X-Api-Key': options.apiKey } : {},
    fetch: options.fetch,
    retry: options.retry,
  });

  return {
    async findTransactionByInMessageHash(hashHex) {
      const hash = requireHashHex(hashHex);
      // Matches the raw hash and, on indexers that keep it, the TEP-467 normalized one.
      const page = await getPage(client, `/api/v3/transactionsByMessage?msg_hash=${hash}&direction=in&limit=10`);
      const found = page.map(toChainTransaction);
      return found.find((tx) => tx.inMessage?.hash === hash || tx.inMessage?.hashNorm === hash) ?? found[0] ?? null;
    },

    async getWalletPublicKey(address) {
      const body = await client.postJson('/api/v3/runGetMethod', { address: toRawAddress(address), method: 'get_public_key', stack: [] });
      const result = getMethodResult.safeParse(body);
      if (!result.success) throw new ChainUnavailableError('toncenter: a get-method answer in an unexpected shape');
      // A non-zero exit code: no code at the address (-256 on liteservers) or no such method.
      const [top] = result.data.stack ?? [];
      if (result.data.exit_code !== 0 || top?.type !== 'num' || typeof top.value !== 'string') return null;
      return uint256Bytes(top.value);
    },

    async getJettonWalletAddress(master, owner) {
      const ownerSlice = beginCell()
        .storeAddress(Address.parse(toRawAddress(owner)))
        .endCell()
        .toBoc()
        .toString('base64');
      const body = await client.postJson('/api/v3/runGetMethod', {
        address: toRawAddress(master),
        method: 'get_wallet_address',
        stack: [{ type: 'slice', value: ownerSlice }],
      });
      const result = getMethodResult.safeParse(body);
      if (!result.success) throw new ChainUnavailableError('toncenter: a get-method answer in an unexpected shape');
      const [top] = result.data.stack ?? [];
      if (result.data.exit_code !== 0 || (top?.type !== 'slice' && top?.type !== 'cell') || typeof top.value !== 'string') return null;
      return readAddressBoc(top.value);
    },

    async getAccountStatus(address) {
      const raw = toRawAddress(address);
      const body = await client.getJson(`/api/v3/accountStates?address=${encodeURIComponent(raw)}&include_boc=false`);
      const result = accountStates.safeParse(body);
      if (!result.success) throw new ChainUnavailableError('toncenter: an account state in an unexpected shape');
      // An address the indexer has never seen is listed without a state, or not at all.
      return accountStatusOf(result.data.accounts[0]?.status);
    },

    async listAccountTransactions(account, afterLt, limit) {
      const query = `account=${encodeURIComponent(toRawAddress(account))}&start_lt=${afterLt + 1n}&sort=asc&limit=${limit}&offset=0`;
      const page = await getPage(client, `/api/v3/transactions?${query}`);
      return oldestFirstAfter(page.map(toChainTransaction), afterLt, limit);
    },
  };
}

async function getPage(client: IndexerClient, path: string): Promise<ToncenterTransaction[]> {
  // A 404 answered in JSON means "no such transaction" on some indexer versions.
  const body = await client.getJson(path, { notFoundIsNull: true });
  if (body === null) return [];
  const page = transactionPage.safeParse(body);
  if (!page.success) throw new ChainUnavailableError('toncenter: an answer in an unexpected shape');
  return page.data.transactions;
}

function toChainTransaction(tx: ToncenterTransaction): ChainTransaction {
  const compute = tx.description.compute_ph;
  const bounce = tx.description.bounce?.type;
  return {
    hash: base64ToHex(tx.hash),
    lt: BigInt(tx.lt),
    prevLt: BigInt(tx.prev_trans_lt),
    prevHash: base64ToHex(tx.prev_trans_hash),
    account: rawAddress(tx.account)!,
    now: tx.now,
    inMessage: tx.in_msg ? toChainMessage(tx.in_msg) : null,
    outMessages: (tx.out_msgs ?? []).map(toChainMessage),
    phases: {
      aborted: tx.description.aborted === true,
      compute: !compute ? null : compute.skipped ? { kind: 'skipped', reason: compute.reason ?? 'unknown' } : { kind: 'vm', success: compute.success === true },
      bounce: bounce === 'ok' || bounce === 'negfunds' || bounce === 'nofunds' ? bounce : null,
    },
    finalized: tx.finality == null || tx.finality === 'finalized',
  };
}

function accountStatusOf(status: string | null | undefined): AccountStatus {
  return status === 'active' || status === 'uninit' || status === 'frozen' ? status : 'nonexist';
}

function toChainMessage(msg: ToncenterMessage): ChainMessage {
  const chainMessage: ChainMessage = {
    hash: base64ToHex(msg.hash),
    source: rawAddress(msg.source),
    destination: rawAddress(msg.destination),
    valueNano: msg.value ? BigInt(msg.value) : 0n,
    bounced: msg.bounced === true,
    comment: comment(msg),
  };
  if (msg.hash_norm) chainMessage.hashNorm = base64ToHex(msg.hash_norm);
  if (msg.message_content?.body) chainMessage.bodyBoc = msg.message_content.body;
  return chainMessage;
}

function comment(msg: ToncenterMessage): string | null {
  const content = msg.message_content;
  if (content?.decoded) return content.decoded.type === 'text_comment' ? (content.decoded.comment ?? null) : null;
  if (!content?.body) return null;
  try {
    return readComment(Cell.fromBase64(content.body));
  } catch {
    return null;
  }
}

/** The address in a get-method's slice answer (a base64 BOC), raw form. */
function readAddressBoc(boc: string): string {
  try {
    return Cell.fromBase64(boc).beginParse().loadAddress().toRawString();
  } catch {
    throw new ChainUnavailableError('toncenter: a get-method slice that is not an address');
  }
}

function rawAddress(address: string | null | undefined): string | null {
  return address ? indexerAddress('toncenter', address) : null;
}

function base64ToHex(hash: string): string {
  const bytes = Buffer.from(hash, 'base64');
  if (bytes.length !== 32) throw new ChainUnavailableError('toncenter: a hash that is not 32 bytes of base64');
  return bytes.toString('hex');
}

/**
 * A get-method's number ("0x…" hex, or decimal) as the 32 big-endian bytes of a uint256. TVM integers
 * drop leading zeros, so a key that starts with a zero byte comes back shorter and is padded here.
 */
function uint256Bytes(value: string): Uint8Array | null {
  let n: bigint;
  try {
    n = BigInt(value);
  } catch {
    return null;
  }
  if (n < 0n || n >= 1n << 256n) return null;
  return Uint8Array.from(Buffer.from(n.toString(16).padStart(64, '0'), 'hex'));
}
