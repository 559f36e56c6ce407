import { describe, expect, it } from 'vitest';
import { nodeCrypto } from '../../../functions/adapters/crypto/node-crypto';
import { webCrypto } from '../../../functions/adapters/crypto/web-crypto';
import { resolveSession, sessionIdOf, startSession, type SessionRecord, type SessionRepo } from '../../../functions/core/auth/session';
import { encodeBase64Url } from '../../../functions/core/init-data/encoding';
import type { CryptoPort } from '../../../functions/core/crypto-port';

/** The sessions port over a Map: the core's contract, without a database. */
function memorySessions(): SessionRepo & { rows: Map<string, SessionRecord> } {
  const rows = new Map<string, SessionRecord>();
  let next = 0;
  return {
    rows,
    async create(input) {
      const id = `00000000-0000-4000-8000-${String(++next).padStart(12, '0')}`;
      rows.set(id, { id, customerId: input.customerId, tokenHash: input.tokenHash, method: input.method, expiresAt: input.expiresAt, revokedAt: null });
      return id;
    },
    async find(id) {
      return rows.get(id) ?? null;
    },
    async revoke(id, now) {
      const row = rows.get(id);
      if (row && row.revokedAt === null) row.revokedAt = now;
    },
  };
}

const now = new Date('2025-01-01T00:00:00Z');

describe.each([
  ['node:crypto', nodeCrypto],
  ['web crypto', webCrypto],
] as [string, CryptoPort][])('web sessions (%s)', (_name, crypto) => {
  async function started() {
    const sessions = memorySessions();
    const session = await startSession({ sessions, crypto, customerId: 'c1', method: 'telegram', now, ttlSeconds: 60 });
    return { sessions, session };
  }

  it('resolves the cookie it issued to its customer, storing only a hash of the secret', async () => {
    const { sessions, session } = await started();
    const secret = session.cookieValue.split('.')[1]!;
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify([...sessions.rows.values()])).not.toContain(secret);
    await expect(resolveSession({ sessions, crypto, cookieValue: session.cookieValue, now })).resolves.toMatchObject({ customerId: 'c1' });
    expect(sessionIdOf(session.cookieValue)).toBe(session.id);
  });

  it('draws a different secret for every session', async () => {
    const sessions = memorySessions();
    const values = await Promise.all(Array.from({ length: 5 }, () => startSession({ sessions, crypto, customerId: 'c1', method: 'ton', now, ttlSeconds: 60 })));
    expect(new Set(values.map((v) => v.cookieValue.split('.')[1])).size).toBe(5);
  });

  it.each([
    ['a changed secret', (v: string) => v.slice(0, -1) + (v.endsWith('A') ? 'B' : 'A')],
    ['another session id', (v: string) => v.replace(/^.{8}/, 'ffffffff')],
    ['no secret', (v: string) => v.split('.')[0]!],
    ['a secret with impossible trailing bits', (v: string) => v.slice(0, -1) + 'B'],
    ['garbage', () => 'not a cookie'],
  ])('refuses a cookie with %s as SESSION_INVALID', async (_case, alter) => {
    const { sessions, session } = await started();
    const altered = alter(session.cookieValue);
    await expect(resolveSession({ sessions, crypto, cookieValue: altered, now })).rejects.toMatchObject({ code: 'SESSION_INVALID' });
  });

  it('refuses a session at the end of its lifetime as SESSION_EXPIRED', async () => {
    const { sessions, session } = await started();
    const later = new Date(now.getTime() + 59_999);
    await expect(resolveSession({ sessions, crypto, cookieValue: session.cookieValue, now: later })).resolves.toBeTruthy();
    const expired = new Date(now.getTime() + 60_000);
    await expect(resolveSession({ sessions, crypto, cookieValue: session.cookieValue, now: expired })).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
  });

  it('refuses a revoked session as SESSION_REVOKED', async () => {
    const { sessions, session } = await started();
    await sessions.revoke(session.id, now);
    await expect(resolveSession({ sessions, crypto, cookieValue: session.cookieValue, now })).rejects.toMatchObject({ code: 'SESSION_REVOKED' });
  });
});

describe('encodeBase64Url', () => {
  it.each([0, 1, 2, 3, 31, 32, 33])('matches Node for %i bytes', (length) => {
    const bytes = Uint8Array.from({ length }, (_, i) => (i * 97 + 13) & 255);
    expect(encodeBase64Url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
  });
});

describe.each([
  ['node:crypto', nodeCrypto],
  ['web crypto', webCrypto],
] as [string, CryptoPort][])('randomBytes (%s)', (_name, crypto) => {
  it('gives the length asked for, different every time', () => {
    const draws = Array.from({ length: 4 }, () => crypto.randomBytes(32));
    expect(draws.every((d) => d.length === 32)).toBe(true);
    expect(new Set(draws.map((d) => Buffer.from(d).toString('hex'))).size).toBe(4);
  });
});
