import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nodeCrypto } from '../../../functions/adapters/crypto/node-crypto';
import { webCrypto } from '../../../functions/adapters/crypto/web-crypto';
import type { CryptoPort } from '../../../functions/core/crypto-port';
import { createInitDataChecker, type InitDataCheckOptions } from '../../../functions/core/init-data/check-init-data';
import { createLoginWidgetVerifier } from '../../../functions/core/init-data/login-widget';
import { signInitData } from '../../../functions/core/init-data/sign-init-data';
import { createInitDataVerifier } from '../../../functions/core/init-data/verify-init-data';

// The shared vectors live beside the repository (CI clones it with `shared/` next to it):
// test/unit/init-data/ -> test/unit/ -> test/ -> <repo>/ -> its parent.
const VECTORS_URL = new URL('../../../../shared/testdata/telegram-init-data.json', import.meta.url);

type Vector = {
  name: string;
  kind: 'hmac' | 'ed25519' | 'login-widget';
  initData: string;
  now: number;
  maxAgeSeconds?: number;
  expected: 'valid' | 'invalid';
  botToken?: string;
  botId?: number;
  publicKeyHex?: string;
  expectedHash?: string;
  reason?: string;
};

const vectors = JSON.parse(readFileSync(fileURLToPath(VECTORS_URL), 'utf8')) as Vector[];

/**
 * Which error each invalid vector must raise: our reading of its `reason` (the file says only
 * valid/invalid). Signatures are checked before auth_date, so data that is both forged and stale is
 * reported as forged.
 */
const CODE_OF_INVALID_VECTOR: Record<string, string> = {
  'hmac-golang-hash-suffix-tampered': 'INIT_DATA_SIGNATURE_INVALID',
  'hmac-golang-expired-1s': 'INIT_DATA_EXPIRED',
  'hmac-tma-node-wrong-token': 'INIT_DATA_SIGNATURE_INVALID',
  'hmac-tma-node-expired-default-1day': 'INIT_DATA_EXPIRED',
  'hmac-real-initdata-with-signature-wrong-token': 'INIT_DATA_SIGNATURE_INVALID',
  'hmac-real-initdata-with-signature-expired-10s': 'INIT_DATA_EXPIRED',
  'hmac-real-initdata-signature-stripped': 'INIT_DATA_SIGNATURE_INVALID',
  'hmac-real-initdata-tampered-chat_type': 'INIT_DATA_SIGNATURE_INVALID',
  'hmac-aiogram-wrong-token': 'INIT_DATA_SIGNATURE_INVALID',
  'hmac-aiogram-bad-hash': 'INIT_DATA_SIGNATURE_INVALID',
  'hmac-aiogram-missing-hash': 'INIT_DATA_MALFORMED',
  'hmac-aiogram-empty': 'INIT_DATA_MALFORMED',
  'hmac-aiogram-garbage': 'INIT_DATA_MALFORMED',
  'hmac-aiogram-non-ascii-hash': 'INIT_DATA_SIGNATURE_INVALID',
  'ed25519-real-wrong-botid': 'INIT_DATA_SIGNATURE_INVALID',
  'ed25519-real-test-env-key': 'INIT_DATA_SIGNATURE_INVALID',
  'ed25519-real-signature-suffix': 'INIT_DATA_SIGNATURE_INVALID',
  'ed25519-real-tampered-auth_date': 'INIT_DATA_SIGNATURE_INVALID',
  'ed25519-real-expired-10s': 'INIT_DATA_EXPIRED',
  'ed25519-tma-old-reencoded': 'INIT_DATA_SIGNATURE_INVALID',
  'ed25519-missing-signature': 'INIT_DATA_MALFORMED',
  'ed25519-aiogram-custom-key-bad-signature': 'INIT_DATA_SIGNATURE_INVALID',
  'ed25519-aiogram-custom-key-wrong-botid': 'INIT_DATA_SIGNATURE_INVALID',
  'ed25519-aiogram-missing-signature': 'INIT_DATA_MALFORMED',
  'login-widget-aiogram-field-removed': 'INIT_DATA_SIGNATURE_INVALID',
  'cross-scheme-widget-data-as-miniapp-hmac': 'INIT_DATA_SIGNATURE_INVALID',
  'cross-scheme-miniapp-data-as-widget': 'INIT_DATA_SIGNATURE_INVALID',
};

/**
 * Valid signatures whose content a shop cannot use: the customer-facing verifier refuses them. aiogram's
 * synthetic user has `"id": "123456789"`, a JSON string where Telegram sends a number.
 */
const VERIFIER_REFUSES: Record<string, string> = {
  'hmac-aiogram-valid-plus-as-space': 'INIT_DATA_MALFORMED',
};

const adapters: [string, CryptoPort][] = [
  ['node:crypto', nodeCrypto],
  ['web crypto', webCrypto],
];

function checkOptions(vector: Vector, crypto: CryptoPort): InitDataCheckOptions {
  const maxAgeSeconds = vector.maxAgeSeconds ?? 86_400;
  if (vector.kind === 'hmac') return { kind: 'hmac', botToken: vector.botToken!, crypto, maxAgeSeconds };
  return { kind: 'ed25519', botId: vector.botId!, publicKeyHex: vector.publicKeyHex!, crypto, maxAgeSeconds };
}

/** Resolves to 'valid' or to the error code, so one assertion shows what went wrong. */
async function judge(vector: Vector, crypto: CryptoPort): Promise<string> {
  try {
    if (vector.kind === 'login-widget') {
      const verify = createLoginWidgetVerifier({
        botToken: vector.botToken!,
        crypto,
        maxAgeSeconds: vector.maxAgeSeconds ?? 86_400,
      });
      await verify(Object.fromEntries(new URLSearchParams(vector.initData)), vector.now);
    } else {
      await createInitDataChecker(checkOptions(vector, crypto))(vector.initData, vector.now);
    }
    return 'valid';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

describe('the shared Telegram vectors', () => {
  it('are all here, each with a decided outcome', () => {
    expect(vectors).toHaveLength(39);
    const invalidNames = vectors.filter((v) => v.expected === 'invalid').map((v) => v.name);
    expect(Object.keys(CODE_OF_INVALID_VECTOR).sort()).toEqual(invalidNames.sort());
  });

  describe.each(adapters)('with %s', (_name, crypto) => {
    it.each(vectors)('judges $name as $expected', async (vector) => {
      const outcome = await judge(vector, crypto);
      expect(outcome).toBe(vector.expected === 'valid' ? 'valid' : CODE_OF_INVALID_VECTOR[vector.name]);
    });

    it.each(vectors.filter((v) => v.expected === 'valid' && v.kind !== 'login-widget'))(
      'gives a shop customer from $name unless its user is unusable',
      async (vector) => {
        const verify = createInitDataVerifier(checkOptions(vector, crypto));
        const refusal = VERIFIER_REFUSES[vector.name];
        if (refusal) {
          await expect(verify(vector.initData, vector.now)).rejects.toMatchObject({ code: refusal });
          return;
        }
        const verified = await verify(vector.initData, vector.now);
        const user = JSON.parse(new URLSearchParams(vector.initData).get('user')!) as { id: number };
        expect(verified.user.id).toBe(user.id);
        expect(verified.authDate).toBe(Number(new URLSearchParams(vector.initData).get('auth_date')));
      },
    );

    it.each(vectors.filter((v) => v.kind === 'hmac' && v.expectedHash !== undefined))('signs the fields of $name to its published hash', async (vector) => {
      const fields = Object.fromEntries(new URLSearchParams(vector.initData));
      delete fields.hash;
      const signed = await signInitData({ fields, botToken: vector.botToken!, crypto });
      expect(new URLSearchParams(signed).get('hash')).toBe(vector.expectedHash);
    });
  });
});
