import { generateKeyPairSync, sign as ed25519Sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nodeCrypto } from '../../../functions/adapters/crypto/node-crypto';
import { webCrypto } from '../../../functions/adapters/crypto/web-crypto';
import type { CryptoPort } from '../../../functions/core/crypto-port';
import { TELEGRAM_PUBLIC_KEY_HEX, createInitDataChecker } from '../../../functions/core/init-data/check-init-data';
import { InitDataSignatureInvalidError } from '../../../functions/core/init-data/errors';
import { createInitDataVerifier } from '../../../functions/core/init-data/verify-init-data';

// Telegram's private key is Telegram's: sign test data with a key pair of our own, built independently
// of the code under test (node:crypto directly, the message spelled out by hand).
const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const publicKeyHex = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex');
const botId = 7_342_037_359;
const authDate = 1_733_584_787;
const userJson = '{"id":279058397,"first_name":"Vladislav + - ? /"}';

/** initData as Telegram would send it for third parties: `signature` over "<bot_id>:WebAppData\n" + pairs. */
function signForBot(signingBotId: number, fields: Record<string, string>): string {
  const sorted = Object.keys(fields)
    .sort()
    .map((key) => `${key}=${fields[key]}`)
    .join('\n');
  const signature = ed25519Sign(null, Buffer.from(`${signingBotId}:WebAppData\n${sorted}`), privateKey);
  return new URLSearchParams({ ...fields, signature: signature.toString('base64url'), hash: 'ignored' }).toString();
}

/** Real Telegram-issued initData from the shared vectors (beside the repository, as in CI). */
const REAL = (
  JSON.parse(readFileSync(fileURLToPath(new URL('../../../../shared/testdata/telegram-init-data.json', import.meta.url)), 'utf8')) as {
    name: string;
    initData: string;
    botId: number;
    now: number;
  }[]
).find((vector) => vector.name === 'ed25519-real-prod-valid')!;

const fields = { user: userJson, chat_type: 'private', auth_date: String(authDate) };

describe.each([
  ['node:crypto', nodeCrypto],
  ['web crypto', webCrypto],
] as [string, CryptoPort][])('createInitDataVerifier (ed25519, %s)', (_name, crypto) => {
  const verify = createInitDataVerifier({ kind: 'ed25519', botId, publicKeyHex, crypto, maxAgeSeconds: 86_400 });

  it('accepts data signed for our bot id, whatever `hash` says', async () => {
    await expect(verify(signForBot(botId, fields), authDate)).resolves.toMatchObject({
      user: { id: 279058397, firstName: 'Vladislav + - ? /' },
      authDate,
      chatType: 'private',
    });
  });

  it('rejects data signed for another bot id', async () => {
    await expect(verify(signForBot(botId + 1, fields), authDate)).rejects.toThrow(InitDataSignatureInvalidError);
  });

  it('rejects data with a field changed after signing', async () => {
    const tampered = signForBot(botId, fields).replace('chat_type=private', 'chat_type=group');
    await expect(verify(tampered, authDate)).rejects.toThrow(InitDataSignatureInvalidError);
  });

  it('rejects a valid signature checked against the test-environment key', async () => {
    const wrongKey = createInitDataVerifier({
      kind: 'ed25519',
      botId,
      publicKeyHex: TELEGRAM_PUBLIC_KEY_HEX.test,
      crypto,
      maxAgeSeconds: 86_400,
    });
    await expect(wrongKey(signForBot(botId, fields), authDate)).rejects.toThrow(InitDataSignatureInvalidError);
  });

  it('rejects data without a signature as malformed, even when it has a hash', async () => {
    const unsigned = new URLSearchParams({ ...fields, hash: 'ab' }).toString();
    await expect(verify(unsigned, authDate)).rejects.toMatchObject({
      code: 'INIT_DATA_MALFORMED',
      problem: 'it has no signature',
    });
  });

  it.each([
    ['one character longer', (s: string) => `${s}A`],
    ['padded with "="', (s: string) => `${s}==`],
    ['truncated to 32 bytes', (s: string) => s.slice(0, 43)],
  ])('rejects a signature %s as invalid, not as a crash', async (_case, mangle) => {
    const good = new URLSearchParams(signForBot(botId, fields));
    good.set('signature', mangle(good.get('signature')!));
    await expect(verify(good.toString(), authDate)).rejects.toThrow(InitDataSignatureInvalidError);
  });

  it("rejects Telegram's real signature rewritten in the standard base64 alphabet", async () => {
    const real = createInitDataVerifier({
      kind: 'ed25519',
      botId: REAL.botId,
      publicKeyHex: TELEGRAM_PUBLIC_KEY_HEX.production,
      crypto,
      maxAgeSeconds: 86_400,
    });
    const params = new URLSearchParams(REAL.initData);
    const signature = params.get('signature')!;
    expect(signature).toMatch(/[-_]/); // else this test would prove nothing
    await expect(real(REAL.initData, REAL.now)).resolves.toMatchObject({ user: { id: 279058397 } });
    params.set('signature', signature.replaceAll('-', '+').replaceAll('_', '/'));
    await expect(real(params.toString(), REAL.now)).rejects.toThrow(InitDataSignatureInvalidError);
  });

  it('still bounds the age of correctly signed data', async () => {
    await expect(verify(signForBot(botId, fields), authDate + 86_401)).rejects.toMatchObject({
      code: 'INIT_DATA_EXPIRED',
    });
  });
});

describe('ed25519 options', () => {
  it.each([
    [{ botId: 0, publicKeyHex }, RangeError],
    [{ botId: 1.5, publicKeyHex }, RangeError],
    [{ botId, publicKeyHex: publicKeyHex.slice(2) }, RangeError],
    [{ botId, publicKeyHex: 'zz'.repeat(32) }, RangeError],
  ])('refuses %j when the check is built', (override, errorClass) => {
    expect(() => createInitDataChecker({ kind: 'ed25519', crypto: nodeCrypto, maxAgeSeconds: 60, ...override })).toThrow(errorClass);
  });
});
