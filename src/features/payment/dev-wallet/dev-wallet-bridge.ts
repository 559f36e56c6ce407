// The Bazaar Dev Wallet: a TON Connect *injected* wallet (the JS bridge a browser extension puts at
// `window.<jsBridgeKey>.tonconnect`) whose keys live on the dev chain server (`/dev/ton/wallets`), which
// signs real wallet V5R1 transfers and broadcasts them to the dev chain. It exists only for
// TON_NETWORK=local: see install-dev-wallet.ts.
// Protocol: github.com/ton-connect/docs/blob/main/bridge.md#js-bridge and the types of @tonconnect/protocol.
import type {
  AppRequest,
  ConnectEvent,
  ConnectEventError,
  ConnectItemReply,
  ConnectRequest,
  DeviceInfo,
  RpcMethod,
  WalletEvent,
  WalletResponse,
} from '@tonconnect/protocol';

export const DEV_WALLET_BRIDGE_KEY = 'bazaarDevWallet';
export const DEV_WALLET_NAME = 'Bazaar Dev Wallet';
/** The chain id the dev wallet reports: dev chain addresses are in the test-only form. */
export const DEV_WALLET_CHAIN = '-3';
/** Wallet V5R1 takes up to 255 actions in one external message. */
const MAX_MESSAGES = 255;
const PROTOCOL_VERSION = 2;

// TON Connect error codes (@tonconnect/protocol CONNECT_EVENT_ERROR_CODES, SEND_TRANSACTION_ERROR_CODES).
export const WALLET_ERROR = { unknown: 0, badRequest: 1, userRejects: 300, methodNotSupported: 400 } as const;

/** What the dev chain answers for a dev wallet (functions/adapters/ton/dev-chain/dev-wallet.ts). */
export interface DevWalletAccount {
  id: string;
  /** Raw `0:<hex>`. */
  address: string;
  addressFriendly: string;
  publicKey: string;
  walletStateInit: string;
}

/** A transfer the person is asked to approve, as the dev wallet shows it. */
export interface TransferToApprove {
  from: DevWalletAccount;
  messages: Array<{ address: string; amount: string; payload?: string }>;
  validUntil: number;
}

/** The parsed `sendTransaction` request (params[0], a JSON string; TON Connect's wire names). */
export interface SendTransactionParams {
  valid_until?: number;
  network?: string;
  from?: string;
  messages: Array<{ address: string; amount: string; payload?: string; stateInit?: string }>;
}

/** What the dev chain signs for a ton_proof request (TonProofItemReplySuccess's `proof`). */
interface TonProofReply {
  timestamp: number;
  domain: { lengthBytes: number; value: string };
  payload: string;
  signature: string;
}

export class DevWalletRequestError extends Error {
  constructor(
    readonly walletCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'DevWalletRequestError';
  }
}

export interface DevWalletDeps {
  fetch: typeof fetch;
  /** Remembers the wallet id, so reconnecting (or reloading) restores the same funded wallet. */
  storage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
  /** The shop's origin: the dev chain is served at `<origin>/dev/ton`. */
  origin: string;
  /** Asks the person to approve a transfer; resolves false when they decline. */
  approve: (transfer: TransferToApprove) => Promise<boolean>;
  /** Unix seconds. */
  nowSeconds?: () => number;
}

/** The object TON Connect's InjectedProvider talks to (window.bazaarDevWallet.tonconnect). */
export interface TonConnectInjectedBridge {
  deviceInfo: DeviceInfo;
  walletInfo: { name: string; app_name: string; image: string; about_url: string; platforms: string[] };
  protocolVersion: number;
  isWalletBrowser: boolean;
  connect(protocolVersion: number, message: ConnectRequest): Promise<ConnectEvent>;
  restoreConnection(): Promise<ConnectEvent>;
  send<T extends RpcMethod>(message: AppRequest<T>): Promise<WalletResponse<T>>;
  listen(callback: (event: WalletEvent) => void): () => void;
  disconnect(): void;
}

export const WALLET_ID_STORAGE_KEY = 'bazaar:dev-wallet-id';

/** Parses and checks a `sendTransaction` request's params[0] against the connected account. */
export function parseSendTransaction(params: unknown, account: DevWalletAccount, nowSeconds: number): SendTransactionParams {
  const bad = (why: string) => new DevWalletRequestError(WALLET_ERROR.badRequest, why);
  if (!Array.isArray(params) || typeof params[0] !== 'string') throw bad('params[0] must be the request as a JSON string');
  let request: unknown;
  try {
    request = JSON.parse(params[0]);
  } catch {
    throw bad('params[0] is not valid JSON');
  }
  if (typeof request !== 'object' || request === null) throw bad('the request must be an object');
  const { valid_until: validUntil, network, from, messages } = request as Record<string, unknown>;
  if (validUntil !== undefined && (typeof validUntil !== 'number' || !Number.isInteger(validUntil))) {
    throw bad('valid_until must be unix seconds');
  }
  if (typeof validUntil === 'number' && validUntil <= nowSeconds) throw bad('the request expired (valid_until is in the past)');
  if (network !== undefined && network !== DEV_WALLET_CHAIN) {
    throw bad(`the dev wallet is on chain ${DEV_WALLET_CHAIN}, the request asks for ${String(network)}`);
  }
  if (from !== undefined && from !== account.address && from !== account.addressFriendly) {
    throw bad('the request is for another account');
  }
  if (!Array.isArray(messages) || messages.length === 0) throw bad('messages must be a non-empty list');
  if (messages.length > MAX_MESSAGES) throw bad(`at most ${MAX_MESSAGES} messages`);
  const parsed = messages.map((m: unknown, i) => {
    const { address, amount, payload, stateInit } = (m ?? {}) as Record<string, unknown>;
    if (typeof address !== 'string' || address === '') throw bad(`message ${i}: address is required`);
    if (typeof amount !== 'string' || !/^\d+$/.test(amount)) throw bad(`message ${i}: amount must be nanotons as a decimal string`);
    if (payload !== undefined && typeof payload !== 'string') throw bad(`message ${i}: payload must be a base64 BOC`);
    if (stateInit !== undefined && typeof stateInit !== 'string') throw bad(`message ${i}: stateInit must be a base64 BOC`);
    return { address, amount, ...(payload !== undefined && { payload }), ...(stateInit !== undefined && { stateInit }) };
  });
  return { ...(typeof validUntil === 'number' && { valid_until: validUntil }), network, from, messages: parsed };
}

/** The `{ error: { code, message }, id }` answer to a request the wallet did not carry out. */
export function errorResponse(id: string, code: number, message: string) {
  return { error: { code, message }, id };
}

export function createDevWalletBridge(deps: DevWalletDeps): TonConnectInjectedBridge {
  const nowSeconds = deps.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  const devChain = `${deps.origin}/dev/ton`;
  const listeners = new Set<(event: WalletEvent) => void>();
  let account: DevWalletAccount | null = null;
  let nextEventId = 1;

  const deviceInfo: DeviceInfo = {
    platform: 'browser',
    appName: DEV_WALLET_BRIDGE_KEY,
    appVersion: '1.0.0',
    maxProtocolVersion: PROTOCOL_VERSION,
    features: ['SendTransaction', { name: 'SendTransaction', maxMessages: MAX_MESSAGES }],
  };

  async function devChainJson<T>(path: string, init?: RequestInit): Promise<{ status: number; body: T | null }> {
    const response = await deps.fetch(`${devChain}${path}`, {
      ...init,
      headers: { Accept: 'application/json', ...(init?.body !== undefined && { 'Content-Type': 'application/json' }) },
    });
    const body = (await response.json().catch(() => null)) as T | null;
    return { status: response.status, body };
  }

  /** The stored wallet if the dev chain still knows it (it forgets them on restart), else null. */
  async function storedAccount(): Promise<DevWalletAccount | null> {
    const id = deps.storage.getItem(WALLET_ID_STORAGE_KEY);
    if (!id) return null;
    const { status, body } = await devChainJson<DevWalletAccount>(`/wallets/${encodeURIComponent(id)}`);
    if (status === 404) return null;
    if (status !== 200 || !body) throw new Error(`the dev chain answered ${status} for the stored wallet`);
    return body;
  }

  async function createAccount(): Promise<DevWalletAccount> {
    const { status, body } = await devChainJson<DevWalletAccount>('/wallets', { method: 'POST' });
    if (status !== 201 || !body) throw new Error(`the dev chain answered ${status} when asked for a wallet`);
    deps.storage.setItem(WALLET_ID_STORAGE_KEY, body.id);
    return body;
  }

  function connectEvent(connected: DevWalletAccount): ConnectEvent {
    const items: ConnectItemReply[] = [
      {
        name: 'ton_addr',
        address: connected.address,
        network: DEV_WALLET_CHAIN,
        publicKey: connected.publicKey,
        walletStateInit: connected.walletStateInit,
      },
    ];
    return { event: 'connect', id: nextEventId++, payload: { items, device: deviceInfo } };
  }

  function connectError(code: ConnectEventError['payload']['code'], message: string): ConnectEventError {
    return { event: 'connect_error', id: nextEventId++, payload: { code, message } };
  }

  /**
   * The ton_proof connect item, signed by the wallet's key on the dev chain. Like a real wallet, it signs
   * for the domain of the manifest's `url` (the shop checks it against its own host).
   */
  async function signTonProof(connected: DevWalletAccount, manifestUrl: string, payload: string): Promise<ConnectItemReply> {
    try {
      const domain = await manifestDomain(manifestUrl);
      const { status, body } = await devChainJson<{ proof?: TonProofReply; error?: { message?: string } }>(
        `/wallets/${encodeURIComponent(connected.id)}/ton-proof`,
        { method: 'POST', body: JSON.stringify({ domain, payload }) },
      );
      if (status === 200 && body?.proof) return { name: 'ton_proof', proof: body.proof };
      return { name: 'ton_proof', error: { code: WALLET_ERROR.unknown, message: body?.error?.message ?? `the dev chain answered ${status}` } };
    } catch (error) {
      return { name: 'ton_proof', error: { code: WALLET_ERROR.unknown, message: `The dev chain is unreachable: ${String(error)}` } };
    }
  }

  async function manifestDomain(manifestUrl: string): Promise<string> {
    const response = await deps.fetch(manifestUrl, { headers: { Accept: 'application/json' } });
    const manifest = (await response.json().catch(() => null)) as { url?: unknown } | null;
    if (!response.ok || typeof manifest?.url !== 'string') throw new Error(`the manifest at ${manifestUrl} has no url`);
    return new URL(manifest.url).host;
  }

  async function sendTransaction(id: string, params: unknown): Promise<WalletResponse<'sendTransaction'>> {
    if (!account) return errorResponse(id, WALLET_ERROR.badRequest, 'The dev wallet is not connected.');
    const request = parseSendTransaction(params, account, nowSeconds());
    const validUntil = request.valid_until ?? nowSeconds() + 5 * 60;
    const approved = await deps.approve({ from: account, messages: request.messages, validUntil });
    if (!approved) return errorResponse(id, WALLET_ERROR.userRejects, 'User declined the transaction');
    const { status, body } = await devChainJson<{ boc?: string; error?: { message?: string } }>(`/wallets/${encodeURIComponent(account.id)}/send-transaction`, {
      method: 'POST',
      body: JSON.stringify({ messages: request.messages, validUntil }),
    });
    if (status === 200 && typeof body?.boc === 'string') return { result: body.boc, id };
    const why = body?.error?.message ?? `the dev chain answered ${status}`;
    return errorResponse(id, status >= 400 && status < 500 ? WALLET_ERROR.badRequest : WALLET_ERROR.unknown, why);
  }

  return {
    deviceInfo,
    walletInfo: {
      name: DEV_WALLET_NAME,
      app_name: DEV_WALLET_BRIDGE_KEY,
      image: `${deps.origin}/icon-192.png`,
      about_url: deps.origin,
      platforms: ['chrome', 'firefox', 'safari'],
    },
    protocolVersion: PROTOCOL_VERSION,
    isWalletBrowser: false,

    async connect(protocolVersion, message) {
      if (protocolVersion > PROTOCOL_VERSION) {
        return connectError(WALLET_ERROR.badRequest, `protocol version ${protocolVersion} is not supported`);
      }
      if (!message?.items?.some((item) => item.name === 'ton_addr')) {
        return connectError(WALLET_ERROR.badRequest, 'the request asks for no ton_addr item');
      }
      try {
        account = (await storedAccount()) ?? (await createAccount());
      } catch (error) {
        return connectError(WALLET_ERROR.unknown, `The dev chain is unreachable: ${String(error)}`);
      }
      const event = connectEvent(account);
      const proofItem = message.items.find((item) => item.name === 'ton_proof');
      if (proofItem && event.event === 'connect') {
        event.payload.items.push(await signTonProof(account, message.manifestUrl, proofItem.payload));
      }
      return event;
    },

    async restoreConnection() {
      try {
        account = await storedAccount();
      } catch (error) {
        return connectError(WALLET_ERROR.unknown, `The dev chain is unreachable: ${String(error)}`);
      }
      // A connect_error (not a throw) makes the SDK drop the stored session quietly.
      return account ? connectEvent(account) : connectError(WALLET_ERROR.unknown, 'No dev wallet to restore.');
    },

    async send(message) {
      const { id } = message;
      try {
        switch (message.method) {
          case 'sendTransaction':
            return (await sendTransaction(id, message.params)) as WalletResponse<typeof message.method>;
          case 'disconnect':
            account = null;
            return { result: {}, id } as WalletResponse<typeof message.method>;
          default:
            return errorResponse(id, WALLET_ERROR.methodNotSupported, `The dev wallet does not support ${String(message.method)}.`) as WalletResponse<
              typeof message.method
            >;
        }
      } catch (error) {
        const code = error instanceof DevWalletRequestError ? error.walletCode : WALLET_ERROR.unknown;
        return errorResponse(id, code, error instanceof Error ? error.message : String(error)) as WalletResponse<typeof message.method>;
      }
    },

    listen(callback) {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },

    // The dApp disconnected (InjectedProvider calls this). The wallet id stays stored, so connecting
    // again brings back the same funded wallet. No disconnect event back: the SDK would disconnect again.
    disconnect() {
      account = null;
    },
  };
}
