import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nodeCrypto } from '../../../functions/adapters/crypto/node-crypto';
import { webCrypto } from '../../../functions/adapters/crypto/web-crypto';
import type { CryptoPort } from '../../../functions/core/crypto-port';
import { signInitData } from '../../../functions/core/init-data/sign-init-data';
import { createInitDataVerifier } from '../../../functions/core/init-data/verify-init-data';

const botToken = '777:dev-mode-random-token';
const fields = {
  user: JSON.stringify({ id: 7, first_name: 'Zoë & Co = 100% "demo"', username: 'zoe+1' }),
  auth_date: '1700000000',
  start_param: 'a b+c',
  query_id: 'Q/1?',
};

describe.each([
  ['node:crypto', nodeCrypto],
  ['web crypto', webCrypto],
] as [string, CryptoPort][])('signInitData (%s)', (_name, crypto) => {
  it('round-trips through the verifier, awkward characters included', async () => {
    const signed = await signInitData({ fields, botToken, crypto });
    const verify = createInitDataVerifier({ kind: 'hmac', botToken, crypto, maxAgeSeconds: 60 });
    await expect(verify(signed, 1_700_000_000)).resolves.toEqual({
      user: { id: 7, firstName: 'Zoë & Co = 100% "demo"', username: 'zoe+1' },
      authDate: 1_700_000_000,
      startParam: 'a b+c',
      queryId: 'Q/1?',
    });
  });

  it('produces the hash Telegram would: hex HMAC-SHA256 under HMAC("WebAppData", token)', async () => {
    const signed = await signInitData({ fields, botToken, crypto });
    // Computed here without the code under test.
    const secret = createHmac('sha256', 'WebAppData').update(botToken).digest();
    const dataCheckString = Object.keys(fields)
      .sort()
      .map((key) => `${key}=${fields[key as keyof typeof fields]}`)
      .join('\n');
    expect(new URLSearchParams(signed).get('hash')).toBe(createHmac('sha256', secret).update(dataCheckString).digest('hex'));
  });

  it('URL-encodes every value, keeps the given order and puts hash last', async () => {
    const signed = await signInitData({ fields, botToken, crypto });
    expect(signed.split('&').map((pair) => pair.split('=')[0])).toEqual(['user', 'auth_date', 'start_param', 'query_id', 'hash']);
    expect(signed).toContain('start_param=a%20b%2Bc&');
    expect(signed).not.toMatch(/[ "]/);
  });

  it('refuses fields that already contain a hash', async () => {
    await expect(signInitData({ fields: { ...fields, hash: 'x' }, botToken, crypto })).rejects.toThrow(TypeError);
  });
});
