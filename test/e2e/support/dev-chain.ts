// The shop's dev chain over HTTP (TON_NETWORK=local mounts it at /dev/ton, README: the dev chain), called
// from a test as a developer's script would: dev wallets, the faucets, and toncenter's get-method API.
import { Address, beginCell, Cell } from '@ton/core';

/** GET (no body) or POST (a JSON body) /dev/ton/…; a non-2xx answer throws with its body. */
export async function devChain<T>(baseUrl: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}/dev/ton${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    ...(body !== undefined && { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${body === undefined ? 'GET' : 'POST'} /dev/ton${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Mints dev USDT to an owner's jetton wallet (POST /dev/ton/faucet/usdt); its address and new balance come back. */
export function mintDevUsdt(baseUrl: string, owner: string, amountMicroUsdt: string): Promise<{ jettonWallet: string; balanceMicroUsdt: string }> {
  return devChain(baseUrl, '/faucet/usdt', { address: owner, amountMicroUsdt });
}

/**
 * What a jetton wallet holds, in micro-USDT, read from the chain as any indexer client would: TEP-74's
 * `get_wallet_data` through toncenter's runGetMethod, whose first stack entry is the balance. A jetton
 * wallet is deployed by the first transfer to it: one not yet on the chain (toncenter's accountStates
 * says uninit or nonexist) holds nothing.
 */
export async function jettonBalanceOf(baseUrl: string, jettonWallet: string): Promise<bigint> {
  const { accounts } = await devChain<{ accounts: { status: string }[] }>(baseUrl, `/api/v3/accountStates?address=${encodeURIComponent(jettonWallet)}`);
  if (accounts[0]?.status !== 'active') return 0n;
  const result = await devChain<{ exit_code: number; stack: { type: string; value: unknown }[] }>(baseUrl, '/api/v3/runGetMethod', {
    address: jettonWallet,
    method: 'get_wallet_data',
    stack: [],
  });
  const balance = result.stack[0];
  if (result.exit_code !== 0 || balance?.type !== 'num') throw new Error(`get_wallet_data on ${jettonWallet} answered ${JSON.stringify(result)}`);
  return BigInt(String(balance.value));
}

/**
 * The jetton wallet holding an owner's dev USDT, raw form: TEP-74's `get_wallet_address(owner)` on the dev
 * USDT master through toncenter's runGetMethod, the owner passed as a slice and the answer read as one.
 */
export async function devUsdtWalletOf(baseUrl: string, owner: string): Promise<string> {
  const { master } = await devChain<{ master: string }>(baseUrl, '/jettons/usdt');
  const ownerSlice = beginCell().storeAddress(Address.parse(owner)).endCell().toBoc().toString('base64');
  const result = await devChain<{ exit_code: number; stack: { type: string; value: unknown }[] }>(baseUrl, '/api/v3/runGetMethod', {
    address: master,
    method: 'get_wallet_address',
    stack: [{ type: 'slice', value: ownerSlice }],
  });
  const wallet = result.stack[0];
  if (result.exit_code !== 0 || (wallet?.type !== 'slice' && wallet?.type !== 'cell') || typeof wallet.value !== 'string') {
    throw new Error(`get_wallet_address(${owner}) answered ${JSON.stringify(result)}`);
  }
  return Cell.fromBase64(wallet.value).beginParse().loadAddress().toRawString();
}

/** Micro-USDT as the English UI writes it ("36", "7.5", "1,234.000001"), by string arithmetic. */
export function formatMicroUsdt(amount: string | bigint): string {
  const padded = String(amount).padStart(7, '0');
  const fraction = padded.slice(-6).replace(/0+$/, '');
  return `${BigInt(padded.slice(0, -6)).toLocaleString('en-US')}${fraction ? `.${fraction}` : ''}`;
}
