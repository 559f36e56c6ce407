import type { TupleItem } from '@ton/core';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { z } from 'zod';
import { tryRawAddress } from '../../../core/payments/chain-address';
import { DomainError } from '../../../core/domain-error';
import type { DevChain } from './dev-chain';
import { hexToBase64, toncenterAddressBook, toToncenterTransaction } from './toncenter-json';
import { fromToncenterStackEntry, toToncenterStackEntry } from './toncenter-stack';
import type { IndexedTransaction } from './transaction-index';

type ErrorStatus = 400 | 404 | 413 | 422 | 500;

const MAX_LIMIT = 1000;

const amountNano = z.union([z.string().regex(/^\d{1,30}$/), z.number().int().nonnegative()]).transform((v) => BigInt(v));
const faucetBody = z.object({ address: z.string().min(1).max(100), amountNano });
const usdtFaucetBody = z.object({
  address: z.string().min(1).max(100),
  amountMicroUsdt: z.union([z.string().regex(/^\d{1,30}$/), z.number().int().positive()]).transform((v) => BigInt(v)),
});
const messageBody = z.object({ boc: z.string().min(1).max(100_000) });
const MAX_GET_METHOD_ARGS = 16;
const getMethodBody = z.object({
  address: z.string().min(1).max(100),
  method: z.string().min(1).max(128),
  stack: z
    .array(z.object({ type: z.string(), value: z.unknown() }))
    .max(MAX_GET_METHOD_ARGS)
    .default([]),
});
const tonProofBody = z.object({ domain: z.string().min(1).max(253), payload: z.string().max(512) });
const transferBody = z
  .object({
    messages: z
      .array(
        z.object({
          address: z.string().min(1).max(100),
          amount: z.union([z.string(), z.number().int().nonnegative()]).transform(String),
          payload: z.string().max(100_000).optional(),
          stateInit: z.string().max(100_000).optional(),
        }),
      )
      .min(1)
      .max(255),
    validUntil: z.number().int().optional(),
    valid_until: z.number().int().optional(),
  })
  .transform(({ messages, validUntil, valid_until }) => ({ messages, validUntil: validUntil ?? valid_until ?? 0 }));

/**
 * The dev chain over HTTP, to be mounted by the shop (e.g. at `/dev/ton`) only when TON_NETWORK=local:
 * - toncenter API v3, the same wire format as toncenter.com, so the production toncenter reader runs on
 *   it unchanged: GET /api/v3/transactions, GET /api/v3/transactionsByMessage, POST /api/v3/message,
 *   POST /api/v3/runGetMethod (arguments num, cell, slice: a jetton master's get_wallet_address), GET /api/v3/accountStates.
 *   Errors as toncenter answers them: `{ "error": "…" }`.
 * - POST /faucet `{ address, amountNano }`: funds any address (not bounceable).
 * - The dev USDT (a real TEP-74 minter, 6 decimals): GET /jettons/usdt → its master; POST /faucet/usdt
 *   `{ address, amountMicroUsdt }` mints to that owner's jetton wallet. A dev wallet pays in it with a raw
 *   message to its own jetton wallet through send-transaction, as with any wallet app.
 * - Dev wallets whose keys stay here, for a browser-side TON Connect bridge: POST /wallets,
 *   GET /wallets/:id, POST /wallets/:id/send-transaction `{ messages, validUntil }` → `{ boc }`,
 *   POST /wallets/:id/ton-proof `{ domain, payload }` → `{ proof }` (TON Connect's ton_proof reply).
 *   Errors as the shop's API answers them: `{ "error": { "code", "message" } }`.
 */
export function createDevChainApp(chain: DevChain) {
  const app = new Hono();
  app.use('/api/v3/*', cors());
  app.use('*', bodyLimit({ maxSize: 256 * 1024, onError: (c) => fail(c, 413, 'BODY_TOO_LARGE', 'The request body is too large.') }));

  app.get('/api/v3/transactionsByMessage', (c) => {
    const { msg_hash: msgHash, body_hash: bodyHash, opcode, direction } = c.req.query();
    if (!msgHash && !bodyHash && !opcode) return toncenterError(c, 422, 'at least one of msg_hash, body_hash, opcode is required');
    if (!msgHash) return toncenterError(c, 400, 'the dev chain looks transactions up by msg_hash only');
    const hash = parseHash(msgHash);
    if (!hash) return toncenterError(c, 400, 'failed to parse msg_hash: give 32 bytes as hex, base64 or base64url');
    if (direction !== undefined && direction !== 'in' && direction !== 'out') return toncenterError(c, 400, 'direction must be in or out');
    const page = parsePage(c);
    if (typeof page === 'string') return toncenterError(c, 400, page);
    const found = chain.transactions.byMessageHash(hash, direction);
    return c.json(toncenterPage(chain, found.slice(page.offset, page.offset + page.limit)));
  });

  app.get('/api/v3/transactions', (c) => {
    const query = c.req.query();
    const account = query.account === undefined ? undefined : tryRawAddress(query.account);
    if (account === null) return toncenterError(c, 400, 'failed to parse account');
    const startLt = parseLt(query.start_lt);
    const endLt = parseLt(query.end_lt);
    if (startLt === null || endLt === null) return toncenterError(c, 400, 'start_lt and end_lt must be integers');
    const sort = query.sort ?? 'desc';
    if (sort !== 'asc' && sort !== 'desc') return toncenterError(c, 400, 'sort must be asc or desc');
    const page = parsePage(c);
    if (typeof page === 'string') return toncenterError(c, 400, page);
    if (query.hash !== undefined) {
      const hash = parseHash(query.hash);
      const tx = hash ? chain.transactions.get(hash) : undefined;
      return c.json(toncenterPage(chain, tx && (account === undefined || tx.account === account) ? [tx] : []));
    }
    return c.json(toncenterPage(chain, chain.transactions.list({ account, startLt, endLt, sort, ...page })));
  });

  app.post('/api/v3/message', async (c) => {
    const body = messageBody.safeParse(await c.req.json().catch(() => null));
    if (!body.success) return toncenterError(c, 400, 'send { "boc": "<base64>" }');
    try {
      const sent = await chain.sendExternal(body.data.boc);
      return c.json({ message_hash: hexToBase64(sent.messageHash), message_hash_norm: hexToBase64(sent.messageHashNorm) });
    } catch (error) {
      if (error instanceof DomainError) return toncenterError(c, 400, error.message);
      throw error;
    }
  });

  // toncenter's AccountStateFull, the fields the shop reads: address, status, balance.
  app.get('/api/v3/accountStates', async (c) => {
    const addresses = c.req.queries('address') ?? [];
    if (addresses.length === 0) return toncenterError(c, 422, 'address of account is required');
    const accounts = [];
    for (const address of addresses.slice(0, 1000)) {
      const raw = tryRawAddress(address);
      if (raw === null) return toncenterError(c, 422, `failed to parse address ${address.slice(0, 80)}`);
      const state = await chain.accountState(raw);
      const [workchain, hex] = raw.split(':');
      accounts.push({ address: `${workchain}:${hex!.toUpperCase()}`, balance: state.balanceNano.toString(), status: state.status });
    }
    return c.json({ accounts, address_book: {}, metadata: {} });
  });

  // Get-methods with toncenter's stack arguments: { gas_used, exit_code, stack }.
  app.post('/api/v3/runGetMethod', async (c) => {
    const body = getMethodBody.safeParse(await c.req.json().catch(() => null));
    if (!body.success)
      return toncenterError(c, 400, `send { "address", "method", "stack": [{ "type", "value" }] } with at most ${MAX_GET_METHOD_ARGS} arguments`);
    const args: TupleItem[] = [];
    for (const [index, entry] of body.data.stack.entries()) {
      const arg = fromToncenterStackEntry(entry, index);
      if (typeof arg === 'string') return toncenterError(c, 400, arg);
      args.push(arg);
    }
    try {
      const result = await chain.runGetMethod(body.data.address, body.data.method, args);
      return c.json({ gas_used: Number(result.gasUsed), exit_code: result.exitCode, stack: result.stack.map(toToncenterStackEntry) });
    } catch (error) {
      if (error instanceof DomainError) return toncenterError(c, 400, error.message);
      throw error;
    }
  });

  app.post('/faucet', async (c) => {
    const body = faucetBody.parse(await c.req.json().catch(() => null));
    const transactions = await chain.faucet(body.address, body.amountNano);
    const address = tryRawAddress(body.address);
    const funded = transactions.find((tx) => tx.account === address);
    return c.json({ address, amountNano: body.amountNano.toString(), transactionHash: funded?.hash ?? null });
  });

  app.get('/jettons/usdt', async (c) => c.json(await chain.jettons.usdt()));

  app.post('/faucet/usdt', async (c) => {
    const body = usdtFaucetBody.parse(await c.req.json().catch(() => null));
    const usdt = await chain.jettons.usdt();
    await chain.jettons.mint(usdt.master, body.address, body.amountMicroUsdt);
    return c.json({
      address: tryRawAddress(body.address),
      jettonWallet: await chain.jettons.walletAddress(usdt.master, body.address),
      amountMicroUsdt: body.amountMicroUsdt.toString(),
      balanceMicroUsdt: (await chain.jettons.balance(usdt.master, body.address)).toString(),
    });
  });

  app.post('/wallets', async (c) => c.json(await chain.createDevWallet(), 201));

  app.get('/wallets/:id', (c) => {
    const wallet = chain.devWallet(c.req.param('id'));
    return wallet ? c.json(wallet) : fail(c, 404, 'DEV_WALLET_NOT_FOUND', 'No such dev wallet on this dev chain.');
  });

  // TON Connect's ton_proof connect item, signed by the dev wallet's key: { proof } as TonProofItemReplySuccess has it.
  app.post('/wallets/:id/ton-proof', async (c) => {
    const body = tonProofBody.parse(await c.req.json().catch(() => null));
    return c.json({ proof: chain.signTonProof(c.req.param('id'), body) });
  });

  app.post('/wallets/:id/send-transaction', async (c) => {
    const body = transferBody.parse(await c.req.json().catch(() => null));
    return c.json(await chain.sendTransaction(c.req.param('id'), body));
  });

  app.onError((error, c) => {
    if (error instanceof DomainError) return fail(c, error.kind === 'not_found' ? 404 : 400, error.code, error.message);
    if (error instanceof z.ZodError) {
      const detail = error.issues.slice(0, 3).map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
      return fail(c, 400, 'VALIDATION_FAILED', detail.join('; '));
    }
    throw error;
  });
  return app;
}

function toncenterPage(chain: DevChain, records: IndexedTransaction[]) {
  const transactions = records.map(toToncenterTransaction);
  return { transactions, address_book: toncenterAddressBook(transactions, chain.testOnly) };
}

function parsePage(c: Context): { limit: number; offset: number } | string {
  const limit = Number(c.req.query('limit') ?? 10);
  const offset = Number(c.req.query('offset') ?? 0);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) return `limit must be 1 to ${MAX_LIMIT}`;
  if (!Number.isInteger(offset) || offset < 0) return 'offset must be a non-negative integer';
  return { limit, offset };
}

function parseLt(text: string | undefined): bigint | undefined | null {
  if (text === undefined) return undefined;
  return /^\d{1,20}$/.test(text) ? BigInt(text) : null;
}

/** A 32-byte hash given as hex (optionally 0x-prefixed), standard base64 or base64url → lowercase hex. */
export function parseHash(text: string): string | null {
  const hex = text.startsWith('0x') ? text.slice(2) : text;
  if (/^[0-9a-fA-F]{64}$/.test(hex)) return hex.toLowerCase();
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) return null;
  const bytes = Buffer.from(text, 'base64');
  return bytes.length === 32 ? bytes.toString('hex') : null;
}

function toncenterError(c: Context, status: ErrorStatus, message: string) {
  return c.json({ error: message }, status);
}

function fail(c: Context, status: ErrorStatus, code: string, message: string) {
  return c.json({ error: { code, message } }, status);
}
