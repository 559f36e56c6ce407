// The web's side of signing in, without a browser: when the app counts as a website, how it spots
// Telegram without loading Telegram's SDK, and how the API client sends people to sign in.
import { describe, expect, it } from 'vitest';
import { createAuthApi, safeNextPath, tonProofBody } from '../../../src/features/auth/auth-api';
import { ApiError, createApiClient, type SignInReason } from '../../../src/platform/api-client';
import { isWebMode, mayBeInsideTelegram, type LaunchSigns } from '../../../src/platform/platform';
import { ResourceCache } from '../../../src/platform/resource-cache';
import { signInPath } from '../../../src/platform/web-session';
import { makeOrder } from './fixtures';

type Call = { url: string; init: RequestInit };

function fakeFetch(respond: (call: Call) => Response) {
  const calls: Call[] = [];
  const fetch = (async (url: string | URL | Request, init: RequestInit = {}) => {
    const call = { url: String(url), init };
    calls.push(call);
    return respond(call);
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const sessionError = (code: string) => json(401, { error: { code, message: 'Sign in again.' } });

/** A web-mode client (no initData) with the gate the app installs, recording where it sent people. */
function webClient(respond: (call: Call) => Response, signedIn: boolean) {
  const { fetch, calls } = fakeFetch(respond);
  const sent: SignInReason[] = [];
  const api = createApiClient({ fetch, initDataRaw: '', signedIn: () => signedIn, onSignInNeeded: (reason) => sent.push(reason) });
  return { api, calls, sent };
}

describe('web mode', () => {
  it.each([
    [{ insideTelegram: false, initDataRaw: '' }, true],
    [{ insideTelegram: false, initDataRaw: 'user=…&hash=…' }, false], // dev mode's demo customer
    [{ insideTelegram: true, initDataRaw: 'user=…&hash=…' }, false],
    [{ insideTelegram: true, initDataRaw: '' }, false], // a Telegram client that sent no initData
  ])('is %j → %s', (platform, expected) => {
    expect(isWebMode(platform)).toBe(expected);
  });
});

describe('spotting Telegram before loading its SDK', () => {
  const none: LaunchSigns = { hash: '', storedInitParams: null, nativeBridge: false, inFrame: false };
  it('loads it for launch params in the hash, kept ones in sessionStorage, a native bridge or a parent frame', () => {
    expect(mayBeInsideTelegram({ ...none, hash: '#tgWebAppData=user%3D1&tgWebAppVersion=8.0' })).toBe(true);
    expect(mayBeInsideTelegram({ ...none, hash: '#tgWebAppVersion=8.0&tgWebAppPlatform=tdesktop' })).toBe(true);
    expect(mayBeInsideTelegram({ ...none, storedInitParams: '{"tgWebAppData":"user=1","tgWebAppVersion":"8.0"}' })).toBe(true);
    expect(mayBeInsideTelegram({ ...none, nativeBridge: true })).toBe(true);
    expect(mayBeInsideTelegram({ ...none, inFrame: true })).toBe(true);
  });
  it('leaves it out for a plain page, an unrelated hash, or the empty params a plain browser kept', () => {
    expect(mayBeInsideTelegram(none)).toBe(false);
    expect(mayBeInsideTelegram({ ...none, hash: '#content' })).toBe(false);
    expect(mayBeInsideTelegram({ ...none, storedInitParams: '{}' })).toBe(false);
  });
});

describe('the API client on the web', () => {
  it('sends the session cookie to its own origin only', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, { categories: [], products: [] }));
    await createApiClient({ fetch, initDataRaw: '' }).getCatalog();
    expect(calls[0]!.init.credentials).toBe('same-origin');
  });

  it('sends someone who is not signed in to sign in without asking the server', async () => {
    const { api, calls, sent } = webClient(() => json(200, makeOrder()), false);
    const error = await api.call('/api/orders', { method: 'POST', body: { items: [] }, auth: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'SIGN_IN_REQUIRED' });
    expect(sent).toEqual(['required']);
    expect(calls).toEqual([]);
  });

  it('browses the catalog without anyone signed in', async () => {
    const { api, calls, sent } = webClient(() => json(200, { categories: [], products: [] }), false);
    await api.getCatalog();
    expect(calls).toHaveLength(1);
    expect(sent).toEqual([]);
  });

  it.each(['SESSION_EXPIRED', 'SESSION_REVOKED', 'SESSION_INVALID', 'INIT_DATA_MISSING'])(
    'sends a signed-in person back to sign in when the shop answers 401 %s',
    async (code) => {
      const { api, sent } = webClient(() => sessionError(code), true);
      await expect(api.listOrders()).rejects.toMatchObject({ status: 401, code });
      expect(sent).toEqual(['ended']);
    },
  );

  it('leaves a 401 about the sign-in data itself to the screen that sent it', async () => {
    const { api, sent } = webClient(() => sessionError('INIT_DATA_SIGNATURE_INVALID'), true);
    const auth = createAuthApi(api);
    await expect(auth.linkTelegram({ id: 1, first_name: 'A', auth_date: 1, hash: 'ab' })).rejects.toMatchObject({ code: 'INIT_DATA_SIGNATURE_INVALID' });
    await expect(auth.signInWithTelegram({ id: 1, first_name: 'A', auth_date: 1, hash: 'ab' })).rejects.toMatchObject({ status: 401 });
    expect(sent).toEqual([]);
  });

  it('never gates the Mini App: initData signs every call', async () => {
    const { fetch, calls } = fakeFetch(() => sessionError('INIT_DATA_EXPIRED'));
    const sent: SignInReason[] = [];
    const api = createApiClient({ fetch, initDataRaw: 'user=1&hash=ab', signedIn: () => false, onSignInNeeded: (r) => sent.push(r) });
    await expect(api.listOrders()).rejects.toMatchObject({ code: 'INIT_DATA_EXPIRED' });
    expect(calls).toHaveLength(1);
    expect(sent).toEqual([]);
  });
});

describe('sign-in addresses', () => {
  it('come back to where the person was going, and say when the session ended', () => {
    expect(signInPath('/checkout/abc?x=1')).toBe('/sign-in?next=%2Fcheckout%2Fabc%3Fx%3D1');
    expect(signInPath('/orders', 'ended')).toBe('/sign-in?next=%2Forders&ended=1');
  });
  it.each([
    ['/cart', '/cart'],
    ['/orders/7?x=1', '/orders/7?x=1'],
    [null, '/'],
    ['', '/'],
    ['https://evil.example/', '/'],
    ['//evil.example/', '/'],
    ['/\\evil.example', '/'],
    ['/sign-in?next=/cart', '/'],
  ])('return to %j as %j, never to another site', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });
});

describe('the ton_proof body', () => {
  it("names the wallet's proof as the shop's route reads it (state_init inside proof)", () => {
    const proof = { timestamp: 1_900_000_000, domain: { lengthBytes: 14, value: '127.0.0.1:8080' }, payload: 'ab'.repeat(32), signature: 'c2ln' };
    expect(tonProofBody({ address: '0:' + 'a'.repeat(64), network: '-3', publicKey: 'cd'.repeat(32), walletStateInit: 'te6cc', proof })).toEqual({
      address: '0:' + 'a'.repeat(64),
      network: '-3',
      public_key: 'cd'.repeat(32),
      proof: { ...proof, state_init: 'te6cc' },
    });
    expect(tonProofBody({ address: '0:b', network: '-239', proof })).toEqual({ address: '0:b', network: '-239', proof });
  });
});

describe('forgetting personal data', () => {
  it('drops entries by key or prefix at once, so the next reader fetches instead of showing them', async () => {
    const cache = new ResourceCache();
    cache.set('orders', ['mine']);
    cache.set('order:1', { id: '1' });
    cache.set('catalog', { products: [] });
    let notified = 0;
    cache.subscribe('order:1', () => notified++);
    cache.forget('orders');
    cache.forget('order');
    expect(cache.get('orders').data).toBeUndefined();
    expect(cache.get('order:1').data).toBeUndefined();
    expect(cache.isStale('order:1', 60_000)).toBe(true);
    expect(cache.get('catalog').data).toEqual({ products: [] });
    expect(notified).toBe(1);
  });
});
