import { describe, expect, it } from 'vitest';
import {
  createDevWalletBridge,
  DEV_WALLET_CHAIN,
  parseSendTransaction,
  WALLET_ID_STORAGE_KEY,
  type DevWalletAccount,
  type TransferToApprove,
} from '../../../src/features/payment/dev-wallet/dev-wallet-bridge';
import { formatTonAmount } from '../../../src/features/payment/dev-wallet/dev-wallet-approval';

const ORIGIN = 'http://127.0.0.1:8080';
const NOW = 1_900_000_000;
const MERCHANT = 'kQBac_fekQiMMKWpShmv_sNjBRvj9Pu-9iMqELPBXO3Kp4A6';

const account = (id: string): DevWalletAccount => ({
  id,
  address: `0:${id.padStart(64, 'a')}`,
  addressFriendly: `0Q${id}`,
  publicKey: 'ab'.repeat(32),
  walletStateInit: 'te6ccstateinit',
});

interface Call {
  method: string;
  path: string;
  body: unknown;
}

/**
 * The dev chain's wallet routes in their wire format (functions/adapters/ton/dev-chain/dev-chain-app.ts).
 * Any other request fails the test.
 */
function fakeDevChain(options: { known?: string[]; sendStatus?: number; manifestUrl?: string; proofStatus?: number } = {}) {
  const wallets = new Map((options.known ?? []).map((id) => [id, account(id)]));
  const calls: Call[] = [];
  let created = 0;
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ method, path: url.pathname, body });
    if (url.origin !== ORIGIN) throw new Error(`unexpected origin ${url.origin}`);
    let match: RegExpExecArray | null;
    if (method === 'POST' && url.pathname === '/dev/ton/wallets') {
      const wallet = account(`new${++created}`);
      wallets.set(wallet.id, wallet);
      return json(201, wallet);
    }
    if (method === 'GET' && (match = /^\/dev\/ton\/wallets\/([^/]+)$/.exec(url.pathname))) {
      const wallet = wallets.get(decodeURIComponent(match[1]!));
      return wallet ? json(200, wallet) : json(404, { error: { code: 'DEV_WALLET_NOT_FOUND', message: 'No such dev wallet on this dev chain.' } });
    }
    if (method === 'GET' && url.pathname === '/tonconnect-manifest.json') {
      return json(200, { url: options.manifestUrl ?? ORIGIN, name: 'Bazaar', iconUrl: `${ORIGIN}/icon-192.png` });
    }
    if (method === 'POST' && /^\/dev\/ton\/wallets\/[^/]+\/ton-proof$/.test(url.pathname)) {
      if (options.proofStatus && options.proofStatus !== 200) {
        return json(options.proofStatus, { error: { code: 'DEV_WALLET_NOT_FOUND', message: 'No such dev wallet on this dev chain.' } });
      }
      const { domain, payload } = body as { domain: string; payload: string };
      return json(200, { proof: { timestamp: NOW, domain: { lengthBytes: domain.length, value: domain }, payload, signature: 'c2lnbmVk' } });
    }
    if (method === 'POST' && /^\/dev\/ton\/wallets\/[^/]+\/send-transaction$/.test(url.pathname)) {
      const status = options.sendStatus ?? 200;
      return status === 200
        ? json(200, { boc: 'te6ccsignedboc' })
        : json(status, { error: { code: 'DEV_TRANSFER_INVALID', message: 'validUntil is in the past' } });
    }
    throw new Error(`the fake dev chain got an unexpected request: ${method} ${url.pathname}`);
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), items };
}

function bridge(options: { known?: string[]; stored?: string; approve?: boolean; sendStatus?: number; manifestUrl?: string; proofStatus?: number } = {}) {
  const chain = fakeDevChain(options);
  const storage = memoryStorage(options.stored ? { [WALLET_ID_STORAGE_KEY]: options.stored } : {});
  const asked: TransferToApprove[] = [];
  const wallet = createDevWalletBridge({
    fetch: chain.fetch,
    storage,
    origin: ORIGIN,
    approve: async (transfer) => {
      asked.push(transfer);
      return options.approve ?? true;
    },
    nowSeconds: () => NOW,
  });
  return { wallet, chain, storage, asked };
}

const connectRequest = { manifestUrl: `${ORIGIN}/tonconnect-manifest.json`, items: [{ name: 'ton_addr' as const }] };

function sendTransaction(request: unknown, id = '7') {
  return { method: 'sendTransaction' as const, params: [typeof request === 'string' ? request : JSON.stringify(request)] as [string], id };
}

const payment = {
  valid_until: NOW + 300,
  network: DEV_WALLET_CHAIN,
  messages: [{ address: MERCHANT, amount: '4500000000', payload: 'te6cccomment' }],
};

describe('the dev wallet bridge: what TON Connect sees', () => {
  it('presents itself as an injected (not in-wallet) browser wallet on protocol 2', () => {
    const { wallet } = bridge();
    expect(wallet.protocolVersion).toBe(2);
    expect(wallet.isWalletBrowser).toBe(false);
    expect(wallet.walletInfo).toMatchObject({ app_name: 'bazaarDevWallet', name: 'Bazaar Dev Wallet', image: `${ORIGIN}/icon-192.png` });
    expect(wallet.deviceInfo.features).toContainEqual({ name: 'SendTransaction', maxMessages: 255 });
  });
});

describe('connect', () => {
  it('creates a funded wallet on the dev chain, remembers its id and answers a ton_addr item', async () => {
    const { wallet, storage, chain } = bridge();
    const event = await wallet.connect(2, connectRequest);
    expect(event).toMatchObject({
      event: 'connect',
      payload: {
        items: [{ name: 'ton_addr', address: account('new1').address, network: '-3', publicKey: 'ab'.repeat(32), walletStateInit: 'te6ccstateinit' }],
        device: { appName: 'bazaarDevWallet', maxProtocolVersion: 2 },
      },
    });
    expect(storage.items.get(WALLET_ID_STORAGE_KEY)).toBe('new1');
    expect(chain.calls.map((c) => `${c.method} ${c.path}`)).toEqual(['POST /dev/ton/wallets']);
  });
  it('reuses the stored wallet when the dev chain still knows it', async () => {
    const { wallet, chain } = bridge({ known: ['w1'], stored: 'w1' });
    const event = await wallet.connect(2, connectRequest);
    expect(event.event === 'connect' && event.payload.items[0]).toMatchObject({ address: account('w1').address });
    expect(chain.calls.map((c) => c.method)).toEqual(['GET']);
  });
  it('makes a new wallet when the dev chain forgot the stored one (it restarted)', async () => {
    const { wallet, storage } = bridge({ stored: 'gone' });
    expect((await wallet.connect(2, connectRequest)).event).toBe('connect');
    expect(storage.items.get(WALLET_ID_STORAGE_KEY)).toBe('new1');
  });
  it('answers ton_proof with a proof the dev chain signed for the domain the manifest names', async () => {
    const { wallet, chain } = bridge({ manifestUrl: 'https://shop.example:8443' });
    const event = await wallet.connect(2, { ...connectRequest, items: [{ name: 'ton_addr' }, { name: 'ton_proof', payload: 'nonce' }] });
    expect(event.event === 'connect' && event.payload.items[1]).toEqual({
      name: 'ton_proof',
      proof: { timestamp: NOW, domain: { lengthBytes: 17, value: 'shop.example:8443' }, payload: 'nonce', signature: 'c2lnbmVk' },
    });
    expect(chain.calls.at(-1)).toEqual({ method: 'POST', path: '/dev/ton/wallets/new1/ton-proof', body: { domain: 'shop.example:8443', payload: 'nonce' } });
  });
  it('answers ton_proof with an item error when the dev chain does not sign, and still connects', async () => {
    const { wallet } = bridge({ proofStatus: 404 });
    const event = await wallet.connect(2, { ...connectRequest, items: [{ name: 'ton_addr' }, { name: 'ton_proof', payload: 'nonce' }] });
    expect(event.event).toBe('connect');
    expect(event.event === 'connect' && event.payload.items[1]).toEqual({
      name: 'ton_proof',
      error: { code: 0, message: 'No such dev wallet on this dev chain.' },
    });
  });
  it('refuses a request without ton_addr or from a newer protocol with a connect_error', async () => {
    const { wallet } = bridge();
    expect(await wallet.connect(2, { ...connectRequest, items: [] })).toMatchObject({ event: 'connect_error', payload: { code: 1 } });
    expect(await wallet.connect(3, connectRequest)).toMatchObject({ event: 'connect_error', payload: { code: 1 } });
  });
  it('answers a connect_error, not a throw, when the dev chain is unreachable', async () => {
    const wallet = createDevWalletBridge({
      fetch: (async () => {
        throw new TypeError('Failed to fetch');
      }) as typeof fetch,
      storage: memoryStorage(),
      origin: ORIGIN,
      approve: async () => true,
    });
    expect(await wallet.connect(2, connectRequest)).toMatchObject({ event: 'connect_error', payload: { code: 0 } });
  });
});

describe('restoreConnection', () => {
  it('restores the stored wallet', async () => {
    const { wallet } = bridge({ known: ['w1'], stored: 'w1' });
    expect(await wallet.restoreConnection()).toMatchObject({ event: 'connect' });
  });
  it('answers connect_error when there is nothing to restore, so the SDK drops the session quietly', async () => {
    expect(await bridge().wallet.restoreConnection()).toMatchObject({ event: 'connect_error' });
    expect(await bridge({ stored: 'gone' }).wallet.restoreConnection()).toMatchObject({ event: 'connect_error' });
  });
});

describe('send: sendTransaction', () => {
  it('asks the person, then has the dev chain sign and send it, and answers the BOC with the request id', async () => {
    const { wallet, chain, asked } = bridge();
    await wallet.connect(2, connectRequest);
    const answer = await wallet.send(sendTransaction(payment, '42'));
    expect(answer).toEqual({ result: 'te6ccsignedboc', id: '42' });
    expect(asked).toEqual([{ from: account('new1'), messages: payment.messages, validUntil: NOW + 300 }]);
    expect(chain.calls.at(-1)).toEqual({
      method: 'POST',
      path: '/dev/ton/wallets/new1/send-transaction',
      body: { messages: payment.messages, validUntil: NOW + 300 },
    });
  });
  it('answers error 300 "User declined the transaction" when the person declines, and sends nothing', async () => {
    const { wallet, chain } = bridge({ approve: false });
    await wallet.connect(2, connectRequest);
    expect(await wallet.send(sendTransaction(payment, '8'))).toEqual({ error: { code: 300, message: 'User declined the transaction' }, id: '8' });
    expect(chain.calls.some((c) => c.path.endsWith('/send-transaction'))).toBe(false);
  });
  it('answers a bad request (1) with the dev chain’s reason when it refuses the transfer', async () => {
    const { wallet } = bridge({ sendStatus: 400 });
    await wallet.connect(2, connectRequest);
    expect(await wallet.send(sendTransaction(payment))).toEqual({ error: { code: 1, message: 'validUntil is in the past' }, id: '7' });
  });
  it('answers a bad request (1) before connecting', async () => {
    expect(await bridge().wallet.send(sendTransaction(payment))).toMatchObject({ error: { code: 1 } });
  });
  it.each([
    ['params[0] that is not JSON', '{nope'],
    ['a request for mainnet', { ...payment, network: '-239' }],
    ['an expired request', { ...payment, valid_until: NOW }],
    ['no messages', { ...payment, messages: [] }],
    ['an amount that is not nanotons', { ...payment, messages: [{ address: MERCHANT, amount: '1.5' }] }],
    ['a message without address', { ...payment, messages: [{ amount: '1' }] }],
    ['a request from another account', { ...payment, from: '0:' + 'f'.repeat(64) }],
  ])('answers a bad request (1) to %s, without asking the person', async (_name, request) => {
    const { wallet, asked } = bridge();
    await wallet.connect(2, connectRequest);
    const answer = await wallet.send(sendTransaction(request));
    expect(answer).toMatchObject({ error: { code: 1 }, id: '7' });
    expect(asked).toEqual([]);
  });
});

describe('send: other methods', () => {
  it('acknowledges disconnect and keeps the wallet id for the next connect', async () => {
    const { wallet, storage } = bridge();
    await wallet.connect(2, connectRequest);
    expect(await wallet.send({ method: 'disconnect', params: [], id: '3' })).toEqual({ result: {}, id: '3' });
    expect(storage.items.get(WALLET_ID_STORAGE_KEY)).toBe('new1');
    expect(await wallet.send(sendTransaction(payment))).toMatchObject({ error: { code: 1 } });
  });
  it('answers method not supported (400) to signData', async () => {
    const { wallet } = bridge();
    await wallet.connect(2, connectRequest);
    expect(await wallet.send({ method: 'signData', params: ['{"type":"text","text":"hi"}'], id: '5' })).toMatchObject({
      error: { code: 400 },
      id: '5',
    });
  });
  it('lets a listener unsubscribe', () => {
    const { wallet } = bridge();
    const unsubscribe = wallet.listen(() => {});
    expect(typeof unsubscribe).toBe('function');
    unsubscribe();
  });
});

describe('parseSendTransaction', () => {
  it('reads TON Connect’s wire names and keeps payload and stateInit', () => {
    const parsed = parseSendTransaction(
      [JSON.stringify({ ...payment, from: account('w1').address, messages: [{ ...payment.messages[0], stateInit: 'te6init' }] })],
      account('w1'),
      NOW,
    );
    expect(parsed).toEqual({
      valid_until: NOW + 300,
      network: '-3',
      from: account('w1').address,
      messages: [{ address: MERCHANT, amount: '4500000000', payload: 'te6cccomment', stateInit: 'te6init' }],
    });
  });
  it('refuses params that are not [jsonString]', () => {
    expect(() => parseSendTransaction([{}], account('w1'), NOW)).toThrow(/JSON string/);
    expect(() => parseSendTransaction('x', account('w1'), NOW)).toThrow(/JSON string/);
  });
});

describe('the approval sheet', () => {
  it.each([
    ['4500000000', '4.5 TON'],
    ['1', '0.000000001 TON'],
    ['1000000000000', '1000 TON'],
  ])('shows %s nanotons as %s', (nano, text) => {
    expect(formatTonAmount(nano)).toBe(text);
  });
});
