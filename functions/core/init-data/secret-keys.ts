import type { CryptoPort, HmacSha256Key } from '../crypto-port';
import { encodeUtf8 } from './encoding';

/**
 * The Mini App secret: HMAC-SHA256 with the key "WebAppData" over the bot token, used as raw bytes (not
 * as its hex text) for the next HMAC. core.telegram.org/bots/webapps#validating-data-received-via-the-mini-app
 */
export async function deriveWebAppSecretKey(crypto: CryptoPort, botToken: string): Promise<HmacSha256Key> {
  const webAppDataKey = await crypto.importHmacSha256Key(encodeUtf8('WebAppData'));
  return crypto.importHmacSha256Key(await webAppDataKey.sign(botToken));
}

/**
 * The Login Widget secret: SHA-256 of the bot token, raw bytes. Deliberately different from the Mini
 * App secret, so that data signed for one cannot pass as the other.
 * core.telegram.org/widgets/login#checking-authorization
 */
export async function deriveLoginWidgetSecretKey(crypto: CryptoPort, botToken: string): Promise<HmacSha256Key> {
  return crypto.importHmacSha256Key(await crypto.sha256(botToken));
}

/**
 * Runs `derive` on first use and shares its promise from then on, so a verifier derives its key once
 * without making its factory async. A failed derivation is forgotten, so the next call tries again.
 */
export function lazyKey<Key>(derive: () => Promise<Key>): () => Promise<Key> {
  let pending: Promise<Key> | undefined;
  return () => {
    pending ??= derive().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

/** Refuses an empty bot token at start-up: it would "verify" data signed with an empty key. */
export function assertBotToken(botToken: string): void {
  if (typeof botToken !== 'string' || botToken === '') throw new TypeError('botToken must be a non-empty string');
}
