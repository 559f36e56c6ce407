import { describe, expect, it } from 'vitest';
import { nodeCrypto } from '../../../functions/adapters/crypto/node-crypto';
import { webCrypto } from '../../../functions/adapters/crypto/web-crypto';
import type { CryptoPort, HmacSha256Key } from '../../../functions/core/crypto-port';
import { DomainError } from '../../../functions/core/domain-error';
import { DEFAULT_MAX_FUTURE_SKEW_SECONDS } from '../../../functions/core/init-data/auth-date';
import { createInitDataChecker } from '../../../functions/core/init-data/check-init-data';
import {
  InitDataError,
  InitDataExpiredError,
  InitDataFromFutureError,
  InitDataMalformedError,
  InitDataSignatureInvalidError,
} from '../../../functions/core/init-data/errors';
import { signInitData } from '../../../functions/core/init-data/sign-init-data';
import { createInitDataVerifier } from '../../../functions/core/init-data/verify-init-data';

const botToken = '123456:TEST-token-of-the-bazaar-unit-test-bot';
const authDate = 1_700_000_000;
const maxAgeSeconds = 3_600;
const user = { id: 42, first_name: 'Ada', last_name: 'Lovelace', username: 'ada', language_code: 'en', is_premium: true };
const launch = {
  query_id: 'AAF-query',
  user: JSON.stringify(user),
  auth_date: String(authDate),
  start_param: 'promo_spring',
  chat_type: 'private',
  chat_instance: '-4200',
};

/** Replaces one raw `key=value` pair of an initData string, leaving the rest (and the hash) alone. */
function withRawPair(initData: string, key: string, encodedValue: string): string {
  return initData
    .split('&')
    .map((pair) => (pair.startsWith(`${key}=`) ? `${key}=${encodedValue}` : pair))
    .join('&');
}

function withoutPair(initData: string, key: string): string {
  return initData
    .split('&')
    .filter((pair) => !pair.startsWith(`${key}=`))
    .join('&');
}

describe.each([
  ['node:crypto', nodeCrypto],
  ['web crypto', webCrypto],
] as [string, CryptoPort][])('createInitDataVerifier (hmac, %s)', (_name, crypto) => {
  const verify = createInitDataVerifier({ kind: 'hmac', botToken, crypto, maxAgeSeconds });
  const sign = (fields: Record<string, string>) => signInitData({ fields, botToken, crypto });

  it('accepts data signed with the bot token and returns the customer and launch context', async () => {
    const verified = await verify(await sign(launch), authDate + 5);
    expect(verified).toEqual({
      user: { id: 42, firstName: 'Ada', lastName: 'Lovelace', username: 'ada', languageCode: 'en', isPremium: true },
      authDate,
      queryId: 'AAF-query',
      startParam: 'promo_spring',
      chatType: 'private',
      chatInstance: '-4200',
    });
  });

  it('leaves out the context fields Telegram did not send', async () => {
    const verified = await verify(await sign({ user: launch.user, auth_date: launch.auth_date }), authDate);
    expect(Object.keys(verified).sort()).toEqual(['authDate', 'user']);
  });

  it('rejects data in which one field was changed after signing', async () => {
    const tampered = withRawPair(await sign(launch), 'chat_type', 'group');
    await expect(verify(tampered, authDate)).rejects.toThrow(InitDataSignatureInvalidError);
  });

  it('rejects a customer swapped into signed data', async () => {
    const other = encodeURIComponent(JSON.stringify({ ...user, id: 43 }));
    await expect(verify(withRawPair(await sign(launch), 'user', other), authDate)).rejects.toThrow(InitDataSignatureInvalidError);
  });

  it('rejects a hash that differs from the right one in its last digit', async () => {
    const signed = await sign(launch);
    const hash = new URLSearchParams(signed).get('hash')!;
    const lastDigit = hash.endsWith('0') ? '1' : '0';
    const tampered = withRawPair(signed, 'hash', hash.slice(0, -1) + lastDigit);
    await expect(verify(tampered, authDate)).rejects.toThrow(InitDataSignatureInvalidError);
  });

  it('accepts the right hash written in upper case', async () => {
    const signed = await sign(launch);
    const upper = withRawPair(signed, 'hash', new URLSearchParams(signed).get('hash')!.toUpperCase());
    await expect(verify(upper, authDate)).resolves.toMatchObject({ authDate });
  });

  it('rejects data signed with another bot token', async () => {
    const foreign = await signInitData({ fields: launch, botToken: '654321:ANOTHER-bot', crypto });
    await expect(verify(foreign, authDate)).rejects.toThrow(InitDataSignatureInvalidError);
  });

  it('keeps `signature` in the data-check-string: removing it breaks the hash', async () => {
    const signed = await sign({ ...launch, signature: 'c2lnbmF0dXJl' });
    await expect(verify(signed, authDate)).resolves.toMatchObject({ authDate });
    await expect(verify(withoutPair(signed, 'signature'), authDate)).rejects.toThrow(InitDataSignatureInvalidError);
  });

  it('accepts data exactly as old as the allowed age', async () => {
    await expect(verify(await sign(launch), authDate + maxAgeSeconds)).resolves.toMatchObject({ authDate });
  });

  it('rejects data older than the allowed age, asking the person to close and reopen the shop', async () => {
    const rejection = verify(await sign(launch), authDate + maxAgeSeconds + 1);
    await expect(rejection).rejects.toThrow(InitDataExpiredError);
    await expect(rejection).rejects.toMatchObject({
      code: 'INIT_DATA_EXPIRED',
      message: expect.stringMatching(/close the shop.*open it again/i),
      authDate,
      maxAgeSeconds,
    });
  });

  it(`accepts data up to ${DEFAULT_MAX_FUTURE_SKEW_SECONDS} s ahead of our clock`, async () => {
    const now = authDate - DEFAULT_MAX_FUTURE_SKEW_SECONDS;
    await expect(verify(await sign(launch), now)).resolves.toMatchObject({ authDate });
  });

  it('rejects data dated further in the future than the allowed skew', async () => {
    const now = authDate - DEFAULT_MAX_FUTURE_SKEW_SECONDS - 1;
    await expect(verify(await sign(launch), now)).rejects.toMatchObject({ code: 'INIT_DATA_FROM_FUTURE' });
  });

  it('honours a configured future skew', async () => {
    const strict = createInitDataVerifier({ kind: 'hmac', botToken, crypto, maxAgeSeconds, maxFutureSkewSeconds: 0 });
    await expect(strict(await sign(launch), authDate)).resolves.toMatchObject({ authDate });
    await expect(strict(await sign(launch), authDate - 1)).rejects.toThrow(InitDataFromFutureError);
  });

  it('rejects data without a hash as malformed', async () => {
    await expect(verify(withoutPair(await sign(launch), 'hash'), authDate)).rejects.toMatchObject({
      code: 'INIT_DATA_MALFORMED',
      problem: 'it has no hash',
    });
  });

  it('rejects a key given twice, even with a valid hash for one reading', async () => {
    const signed = await sign(launch);
    await expect(verify(`${signed}&chat_type=group`, authDate)).rejects.toMatchObject({
      code: 'INIT_DATA_MALFORMED',
      problem: 'the field "chat_type" appears more than once',
    });
  });

  it('rejects correctly signed data without a user: every shop call acts for a customer', async () => {
    const signed = await sign({ query_id: 'AAF-query', auth_date: launch.auth_date });
    await expect(verify(signed, authDate)).rejects.toMatchObject({
      code: 'INIT_DATA_MALFORMED',
      problem: 'it names no Telegram user',
    });
  });

  it.each([
    ['is not JSON', '{"id":42,', 'its user is not valid JSON'],
    ['is a JSON array', '[42]', 'its user is not a JSON object'],
    ['has its id as a string', '{"id":"42","first_name":"Ada"}', "its user's id is not a positive whole number"],
    ['has a zero id', '{"id":0,"first_name":"Ada"}', "its user's id is not a positive whole number"],
    ['has a fractional id', '{"id":4.2,"first_name":"Ada"}', "its user's id is not a positive whole number"],
    ['has no first name', '{"id":42}', 'its user has no first_name'],
    ['has is_premium as a string', '{"id":42,"first_name":"Ada","is_premium":"true"}', "its user's is_premium is not a boolean"],
  ])('rejects signed data whose user %s', async (_case, userJson, problem) => {
    const signed = await sign({ ...launch, user: userJson });
    await expect(verify(signed, authDate)).rejects.toMatchObject({ code: 'INIT_DATA_MALFORMED', problem });
  });

  it('ignores user fields it does not know', async () => {
    const signed = await sign({ ...launch, user: JSON.stringify({ ...user, allows_write_to_pm: true, added: 1 }) });
    await expect(verify(signed, authDate)).resolves.toMatchObject({ user: { id: 42, firstName: 'Ada' } });
  });

  it.each([
    ['missing', undefined, 'it has no auth_date'],
    ['not a number', 'yesterday', 'its auth_date is not a whole number of seconds'],
    ['fractional', '1700000000.5', 'its auth_date is not a whole number of seconds'],
    ['in exponent notation', '1.7e9', 'its auth_date is not a whole number of seconds'],
  ])('rejects signed data whose auth_date is %s', async (_case, authDateText, problem) => {
    const { auth_date: _dropped, ...rest } = launch;
    const fields = authDateText === undefined ? rest : { ...rest, auth_date: authDateText };
    await expect(verify(await sign(fields), authDate)).rejects.toMatchObject({ code: 'INIT_DATA_MALFORMED', problem });
  });

  it('rejects a string that is not a query string at all', async () => {
    await expect(verify('not initData', authDate)).rejects.toThrow(InitDataMalformedError);
    await expect(verify('', authDate)).rejects.toThrow(InitDataMalformedError);
  });
});

describe('createInitDataChecker', () => {
  it('accepts correctly signed data without a user and hands back every field', async () => {
    const check = createInitDataChecker({ kind: 'hmac', botToken, crypto: nodeCrypto, maxAgeSeconds });
    const signed = await signInitData({ fields: { auth_date: String(authDate), foo: 'a b' }, botToken, crypto: nodeCrypto });
    const checked = await check(signed, authDate);
    expect(checked.authDate).toBe(authDate);
    expect([...checked.fields.keys()]).toEqual(['auth_date', 'foo', 'hash']);
    expect(checked.fields.get('foo')).toBe('a b');
  });

  it('derives the secret key once, however many checks run at the same time', async () => {
    let imports = 0;
    const counting: CryptoPort = {
      ...nodeCrypto,
      importHmacSha256Key: (keyBytes) => {
        imports++;
        return nodeCrypto.importHmacSha256Key(keyBytes);
      },
    };
    const verify = createInitDataVerifier({ kind: 'hmac', botToken, crypto: counting, maxAgeSeconds });
    const signed = await signInitData({ fields: launch, botToken, crypto: nodeCrypto });
    await Promise.all(Array.from({ length: 5 }, () => verify(signed, authDate)));
    await verify(signed, authDate);
    // One import for the "WebAppData" key, one for the derived secret.
    expect(imports).toBe(2);
  });

  it('tries the key derivation again after it failed once', async () => {
    let failNext = true;
    const flaky: CryptoPort = {
      ...nodeCrypto,
      importHmacSha256Key: (keyBytes): Promise<HmacSha256Key> => {
        if (failNext) {
          failNext = false;
          return Promise.reject(new Error('crypto unavailable'));
        }
        return nodeCrypto.importHmacSha256Key(keyBytes);
      },
    };
    const verify = createInitDataVerifier({ kind: 'hmac', botToken, crypto: flaky, maxAgeSeconds });
    const signed = await signInitData({ fields: launch, botToken, crypto: nodeCrypto });
    await expect(verify(signed, authDate)).rejects.toThrow('crypto unavailable');
    await expect(verify(signed, authDate)).resolves.toMatchObject({ authDate });
  });

  it.each([
    [{ maxAgeSeconds: 0 }, RangeError],
    [{ maxAgeSeconds: 1.5 }, RangeError],
    [{ maxAgeSeconds: 60, maxFutureSkewSeconds: -1 }, RangeError],
    [{ maxAgeSeconds: 60, botToken: '' }, TypeError],
  ])('refuses options %j when it is built, not when a request comes', (override, errorClass) => {
    expect(() => createInitDataChecker({ kind: 'hmac', botToken, crypto: nodeCrypto, ...override })).toThrow(errorClass);
  });
});

describe('initData errors', () => {
  it.each([
    [new InitDataMalformedError('it has no hash'), 'INIT_DATA_MALFORMED'],
    [new InitDataSignatureInvalidError(), 'INIT_DATA_SIGNATURE_INVALID'],
    [new InitDataExpiredError(1, 100_000, 86_400), 'INIT_DATA_EXPIRED'],
    [new InitDataFromFutureError(200, 100, 60), 'INIT_DATA_FROM_FUTURE'],
  ])('%s carries the stable code %s and is a named domain error', (error, code) => {
    expect(error).toBeInstanceOf(InitDataError);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe(code);
    expect(error.name).toBe(error.constructor.name);
    // A sentence a person can act on: ends with a full stop and asks for something.
    expect(error.message).toMatch(/\.$/);
    expect(error.message).toMatch(/open|wait/i);
  });
});
