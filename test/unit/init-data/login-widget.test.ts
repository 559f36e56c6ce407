import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nodeCrypto } from '../../../functions/adapters/crypto/node-crypto';
import { webCrypto } from '../../../functions/adapters/crypto/web-crypto';
import type { CryptoPort } from '../../../functions/core/crypto-port';
import { InitDataSignatureInvalidError } from '../../../functions/core/init-data/errors';
import { createLoginWidgetVerifier } from '../../../functions/core/init-data/login-widget';
import { signLoginWidgetData } from '../../../functions/core/auth/sign-login-widget';

const botToken = '123456:LOGIN-widget-test-bot';
const authDate = 1_700_000_000;

/** What the widget hands the page, signed the documented way, independently of the code under test. */
function widgetData(fields: Record<string, string>, token = botToken): Record<string, string> {
  const secret = createHash('sha256').update(token).digest();
  const dataCheckString = Object.keys(fields)
    .sort()
    .map((key) => `${key}=${fields[key]}`)
    .join('\n');
  return { ...fields, hash: createHmac('sha256', secret).update(dataCheckString).digest('hex') };
}

const person = {
  id: '42',
  first_name: 'Ada',
  last_name: 'Lovelace',
  username: 'ada',
  photo_url: 'https://t.me/i/userpic/320/ada.jpg',
  auth_date: String(authDate),
};

describe.each([
  ['node:crypto', nodeCrypto],
  ['web crypto', webCrypto],
] as [string, CryptoPort][])('createLoginWidgetVerifier (%s)', (_name, crypto) => {
  const verify = createLoginWidgetVerifier({ botToken, crypto, maxAgeSeconds: 86_400 });

  it('accepts widget data signed for our bot and returns the person', async () => {
    await expect(verify(widgetData(person), authDate + 10)).resolves.toEqual({
      user: {
        id: 42,
        firstName: 'Ada',
        lastName: 'Lovelace',
        username: 'ada',
        photoUrl: 'https://t.me/i/userpic/320/ada.jpg',
      },
      authDate,
    });
  });

  it('rejects widget data with a field changed after signing', async () => {
    await expect(verify({ ...widgetData(person), id: '43' }, authDate)).rejects.toThrow(InitDataSignatureInvalidError);
  });

  it('rejects widget data whose hash was altered', async () => {
    const signed = widgetData(person);
    const flipped = signed.hash!.slice(0, -1) + (signed.hash!.endsWith('0') ? '1' : '0');
    await expect(verify({ ...signed, hash: flipped }, authDate)).rejects.toThrow(InitDataSignatureInvalidError);
  });

  it('accepts data signed by signLoginWidgetData, the signer the tests and E2E use', async () => {
    const signed = await signLoginWidgetData({ fields: person, botToken, crypto });
    expect(signed).toEqual(widgetData(person));
    await expect(verify(signed, authDate)).resolves.toMatchObject({ user: { id: 42 } });
  });

  it('rejects widget data signed for another bot', async () => {
    await expect(verify(widgetData(person, '999:OTHER'), authDate)).rejects.toThrow(InitDataSignatureInvalidError);
  });

  it('rejects widget data without a hash as malformed', async () => {
    await expect(verify(person, authDate)).rejects.toMatchObject({ code: 'INIT_DATA_MALFORMED' });
  });

  it('rejects widget data older than the allowed age', async () => {
    await expect(verify(widgetData(person), authDate + 86_401)).rejects.toMatchObject({
      code: 'INIT_DATA_EXPIRED',
    });
  });

  it('rejects widget data from further in the future than the skew', async () => {
    await expect(verify(widgetData(person), authDate - 61)).rejects.toMatchObject({
      code: 'INIT_DATA_FROM_FUTURE',
    });
  });

  it.each([
    ['without an id', { id: undefined }],
    ['with a non-numeric id', { id: '4e2' }],
    ['with a zero id', { id: '0' }],
    ['without a first name', { first_name: undefined }],
    ['without auth_date', { auth_date: undefined }],
  ])('rejects correctly signed widget data %s as malformed', async (_case, change) => {
    const fields = Object.fromEntries(Object.entries({ ...person, ...change }).filter((entry): entry is [string, string] => entry[1] !== undefined));
    await expect(verify(widgetData(fields), authDate)).rejects.toMatchObject({ code: 'INIT_DATA_MALFORMED' });
  });
});
