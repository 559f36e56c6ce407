import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../functions/config';
import { startNodeServer, type RunningServer } from '../../../functions/platforms/node/start-server';
import { requestWithHost } from '../../support/http-with-host';

// `npm start` without PUBLIC_URL (dev mode, loopback, PORT=0): the shop's own address is the one it
// listens on, with the port the system gave it, whatever Host a client sends (issue #11, case 8).
let server: RunningServer;
let dataDir: string;
const forged = { host: 'evil.example', origin: 'http://evil.example' };

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'bazaar-node-address-'));
  const config = loadConfig({ HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, DEMO_CATALOG: 'false', STATIC_DIR: join(dataDir, 'no-site') });
  server = await startNodeServer(config, { info: () => {}, warn: () => {}, error: (message, error) => console.error(message, error) });
}, 60_000);
afterAll(async () => {
  await server?.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function call(path: string, init: { method?: string; headers?: Record<string, string>; json?: unknown } = {}) {
  const headers = { ...init.headers, ...(init.json !== undefined && { 'content-type': 'application/json' }) };
  const answer = await requestWithHost(`${server.url}${path}`, {
    ...(init.method && { method: init.method }),
    headers,
    ...(init.json !== undefined && { method: init.method ?? 'POST', body: JSON.stringify(init.json) }),
  });
  return { ...answer, json: JSON.parse(answer.body) as Record<string, unknown> & { error?: { code: string } } };
}

/** A dev-chain wallet's ton_proof for `domain`, signed through the dev chain's wallet API as the dev wallet in the page does. */
async function proofFor(domain: string) {
  const wallet = (await call('/dev/ton/wallets', { method: 'POST' })).json as { id: string; address: string; publicKey: string; walletStateInit: string };
  const { payload } = (await call('/api/auth/ton-proof/payload')).json as { payload: string };
  const { proof } = (await call(`/dev/ton/wallets/${wallet.id}/ton-proof`, { json: { domain, payload } })).json as { proof: Record<string, unknown> };
  return { address: wallet.address, network: '-3', public_key: wallet.publicKey, proof: { ...proof, state_init: wallet.walletStateInit } };
}

describe('the Node server on loopback without PUBLIC_URL', () => {
  it('listens on a real port and names that address in its TON Connect manifest, whatever Host says', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).not.toMatch(/:0$/);
    for (const headers of [{}, { host: forged.host }] as Record<string, string>[]) {
      const manifest = await call('/tonconnect-manifest.json', { headers });
      expect(manifest.status).toBe(200);
      expect(manifest.json).toMatchObject({ url: server.url, iconUrl: `${server.url}/icon-192.png` });
    }
  });

  it('refuses a ton_proof signed for the Host it was sent with, and signs in one for its own address', async () => {
    const fromThere = await call('/api/auth/ton-proof', { headers: forged, json: await proofFor(forged.host) });
    expect(fromThere.status).toBe(403);
    expect(fromThere.json.error?.code).toBe('CSRF_REJECTED');
    const withoutOrigin = await call('/api/auth/ton-proof', { headers: { host: forged.host }, json: await proofFor(forged.host) });
    expect(withoutOrigin.status).toBe(401);
    expect(withoutOrigin.json.error?.code).toBe('TON_PROOF_DOMAIN_MISMATCH');
    expect(withoutOrigin.headers['set-cookie']).toBeUndefined();

    const own = await call('/api/auth/ton-proof', { headers: { origin: server.url }, json: await proofFor(new URL(server.url).host) });
    expect(own.status).toBe(200);
    const [cookie] = own.headers['set-cookie'] as string[];
    expect(cookie).toMatch(/^bazaar_session=/);
    // Plain http on this machine: a Secure cookie would never come back.
    expect(cookie).not.toContain('Secure');
  });
});
