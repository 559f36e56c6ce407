import { Hono } from 'hono';
import { createDevChain, type DevChain, type DevChainOptions } from '../../../functions/adapters/ton/dev-chain/dev-chain';
import { createDevChainApp } from '../../../functions/adapters/ton/dev-chain/dev-chain-app';
import type { FetchFn } from '../../../functions/adapters/ton/indexer-http';

export const DEV_TON_PREFIX = '/dev/ton';
export const DEV_TON_URL = `http://shop.test${DEV_TON_PREFIX}`;

/** The toncenter v3 fields the tests look at. */
export interface ToncenterMessage {
  hash: string;
  hash_norm?: string;
  source: string | null;
  destination: string | null;
  value: string | null;
  bounced: boolean | null;
  bounce: boolean | null;
  opcode: string | null;
  message_content: { body: string; decoded: { type: string; comment: string } | null };
}
export interface ToncenterTransaction {
  account: string;
  hash: string;
  lt: string;
  now: number;
  mc_block_seqno: number;
  orig_status: string;
  end_status: string;
  finality: string;
  description: { type: string; aborted: boolean; compute_ph: { skipped: boolean; success?: boolean; reason?: string } };
  in_msg: ToncenterMessage | null;
  out_msgs: ToncenterMessage[];
}
export interface ToncenterPage {
  transactions: ToncenterTransaction[];
  address_book: Record<string, { user_friendly: string; domain: null }>;
}

export interface DevChainHarness {
  chain: DevChain;
  /** The shop-like parent app with the dev chain mounted at /dev/ton, as the shop mounts it. */
  app: Hono;
  /** fetch() into the app in-process, for readers configured with baseUrl DEV_TON_URL. */
  fetch: FetchFn;
  get<T>(path: string): Promise<{ status: number; body: T }>;
  post<T>(path: string, body?: unknown): Promise<{ status: number; body: T }>;
}

export async function startDevChain(options: DevChainOptions = {}): Promise<DevChainHarness> {
  const chain = await createDevChain(options);
  const app = new Hono();
  app.route(DEV_TON_PREFIX, createDevChainApp(chain));
  const fetch: FetchFn = (input, init) => Promise.resolve(app.fetch(new Request(input, init)));
  const call = async <T>(method: string, path: string, body?: unknown) => {
    const res = await app.request(`${DEV_TON_PREFIX}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as T };
  };
  return {
    chain,
    app,
    fetch,
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
  };
}

export function hexToBase64(hex: string): string {
  return Buffer.from(hex, 'hex').toString('base64');
}

export function inSeconds(seconds: number): number {
  return Math.floor(Date.now() / 1000) + seconds;
}
