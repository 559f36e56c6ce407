import type { Order } from '../../../src/domain/types';
import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError, createApiClient } from '../../../src/platform/api-client';
import { describeError } from '../../../src/ui/describe-error';
import { makeOrder } from './fixtures';

type Call = { url: string; init: RequestInit };

function fakeFetch(respond: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch = (async (url: string | URL | Request, init: RequestInit = {}) => {
    const call = { url: String(url), init };
    calls.push(call);
    return respond(call);
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('api client', () => {
  it('sends `Authorization: tma <initData>` and the JSON body of a call', async () => {
    const { fetch, calls } = fakeFetch(() => json(201, makeOrder()));
    const api = createApiClient({ fetch, initDataRaw: 'user=1&hash=abc' });
    const order = await api.call<Order>('/api/orders', { method: 'POST', body: { items: [{ variantId: 'v-1', quantity: 2 }] }, auth: true });
    expect(order.code).toBe('K7Q2MX');
    const [call] = calls;
    expect(call!.url).toBe('/api/orders');
    expect(call!.init.method).toBe('POST');
    const headers = call!.init.headers as Record<string, string>;
    expect(headers.Authorization).toBe('tma user=1&hash=abc');
    expect(headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(call!.init.body as string)).toEqual({ items: [{ variantId: 'v-1', quantity: 2 }] });
  });

  it('sends no Authorization header without initData', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, { categories: [], products: [] }));
    await createApiClient({ fetch, initDataRaw: '' }).getCatalog();
    expect((calls[0]!.init.headers as Record<string, string>).Authorization).toBeUndefined();
  });

  it('encodes path parameters', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, makeOrder()));
    await createApiClient({ fetch, initDataRaw: 'x' }).getOrder('a/b');
    expect(calls[0]!.url).toBe('/api/orders/a%2Fb');
  });

  it('turns the error envelope into an ApiError with status, code and message', async () => {
    const { fetch } = fakeFetch(() => json(409, { error: { code: 'OUT_OF_STOCK', message: 'Only 2 Cold brew left.' } }));
    const error = await createApiClient({ fetch, initDataRaw: 'x' })
      .call('/api/orders', { method: 'POST', body: { items: [] } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, code: 'OUT_OF_STOCK', message: 'Only 2 Cold brew left.' });
  });

  it('copes with a non-JSON error page', async () => {
    const { fetch } = fakeFetch(() => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    const error = await createApiClient({ fetch, initDataRaw: '' })
      .getCatalog()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, code: 'HTTP_502' });
  });

  it('reports an unreachable server as a NetworkError', async () => {
    const { fetch } = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = await createApiClient({ fetch, initDataRaw: '' })
      .getCatalog()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
  });
});

describe('describeError', () => {
  it('asks the person to reopen the shop when initData has expired', () => {
    expect(describeError(new ApiError(401, 'INIT_DATA_EXPIRED', 'too old'))).toMatchObject({
      action: 'reopen',
      message: 'Close the shop and open it again from Telegram to continue.',
    });
  });
  it("shows the server's own sentence for a 4xx, with a retry", () => {
    expect(describeError(new ApiError(409, 'OUT_OF_STOCK', 'Only 2 left.'))).toMatchObject({
      action: 'retry',
      message: 'Only 2 left.',
    });
  });
  it('offers the way home for something that does not exist', () => {
    expect(describeError(new ApiError(404, 'ORDER_NOT_FOUND', 'No such order.')).action).toBe('home');
  });
  it('hides server internals behind a generic message', () => {
    expect(describeError(new ApiError(500, 'INTERNAL', 'stack trace…')).message).not.toContain('stack');
    expect(describeError(new NetworkError(null)).action).toBe('retry');
    expect(describeError(new Error('boom')).action).toBe('retry');
  });
});
