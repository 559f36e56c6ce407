import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DomainError, RateLimitedError, type ErrorKind } from '../../../functions/core/domain-error';
import { OrderNotFoundError, OutOfStockError } from '../../../functions/core/orders/errors';
import { ChainUnavailableError } from '../../../functions/core/payments/chain-reader';
import { createErrorHandler, STATUS_BY_KIND } from '../../../functions/http/error-handler';
import { HttpError } from '../../../functions/http/http-error';
import { text, TextInvalidError } from '../../../functions/core/text/storable-text';

function appThrowing(error: Error, logged: unknown[] = []) {
  const app = new Hono();
  app.get('/', () => {
    throw error;
  });
  app.onError(createErrorHandler({ error: (message, e) => logged.push({ message, e }) }));
  return app;
}

async function answer(error: Error) {
  const res = await appThrowing(error).request('/');
  return { status: res.status, body: (await res.json()) as { error: { code: string; message: string } }, res };
}

describe('the error handler', () => {
  it.each<[ErrorKind, number]>([
    ['invalid', 400],
    ['unauthenticated', 401],
    ['forbidden', 403],
    ['not_found', 404],
    ['conflict', 409],
    ['too_large', 413],
    ['unsupported_media_type', 415],
    ['unprocessable', 422],
    ['rate_limited', 429],
    ['unavailable', 503],
  ])('answers a domain error of kind %s with %i and its own code', async (kind, status) => {
    const { status: got, body } = await answer(new DomainError(kind, 'SOME_CODE', 'Something a person can act on.'));
    expect(got).toBe(status);
    expect(body).toEqual({ error: { code: 'SOME_CODE', message: 'Something a person can act on.' } });
  });

  it('decides the status from the kind, so a new code needs no table entry', async () => {
    expect((await answer(new DomainError('not_found', 'A_CODE_NO_TABLE_LISTS', 'gone'))).status).toBe(404);
    expect((await answer(new OrderNotFoundError())).status).toBe(404);
    expect((await answer(new OutOfStockError('p', 'Mug', 0))).status).toBe(409);
    expect((await answer(new ChainUnavailableError('down'))).status).toBe(503);
    expect((await answer(new HttpError('forbidden', 'FORBIDDEN', 'staff only'))).status).toBe(403);
  });

  it('sends Retry-After with a rate-limited answer', async () => {
    const { status, res } = await answer(new RateLimitedError('ORDER_RATE_LIMITED', 'Slow down.', 12.2));
    expect(status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('13');
  });

  it("answers Hono's own HTTPException with its status, as JSON, without logging it as a crash", async () => {
    const logged: unknown[] = [];
    const res = await appThrowing(new HTTPException(413, { message: 'too big' }), logged).request('/');
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: { code: 'HTTP_413', message: 'too big' } });
    expect(logged).toEqual([]);
  });

  it("answers Hono's body-limit middleware with 413, not 500", async () => {
    const logged: unknown[] = [];
    const app = new Hono();
    app.post('/', bodyLimit({ maxSize: 4 }), (c) => c.text('ok'));
    app.onError(createErrorHandler({ error: (message, e) => logged.push({ message, e }) }));
    const res = await app.request('/', { method: 'POST', body: 'far more than four bytes' });
    expect(res.status).toBe(413);
    expect(logged).toEqual([]);
  });

  it('answers a schema refusing unstorable text with 400 TEXT_INVALID, naming the field', async () => {
    const schema = z.object({ title: text().min(1), stock: z.number() });
    const { status, body } = await answer(schema.safeParse({ title: 'Tea\u0000', stock: 'x' }).error!);
    expect(status).toBe(400);
    expect(body.error.code).toBe('TEXT_INVALID');
    expect(body.error.message).toMatch(/^title: must not contain U\+0000/);
  });

  it('answers other schema failures with 400 VALIDATION_FAILED', async () => {
    const { status, body } = await answer(z.object({ title: text().min(1) }).safeParse({ title: '' }).error!);
    expect(status).toBe(400);
    expect(body.error.code).toBe('VALIDATION_FAILED');
  });

  it('answers TextInvalidError with 400 TEXT_INVALID', async () => {
    const { status, body } = await answer(new TextInvalidError('the query'));
    expect(status).toBe(400);
    expect(body).toEqual({ error: { code: 'TEXT_INVALID', message: 'the query: must not contain U+0000 (NUL) or an unpaired UTF-16 surrogate' } });
  });

  it('logs anything unknown and answers 500 without details', async () => {
    const logged: unknown[] = [];
    const res = await appThrowing(new Error('secret detail'), logged).request('/');
    expect(res.status).toBe(500);
    expect(JSON.stringify(await res.json())).not.toContain('secret detail');
    expect(logged).toHaveLength(1);
  });

  it('maps every kind to a 4xx or 503', () => {
    for (const status of Object.values(STATUS_BY_KIND)) expect(status === 503 || (status >= 400 && status < 500)).toBe(true);
  });
});
