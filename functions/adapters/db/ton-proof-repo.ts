import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { TonProofPayloadRepo } from '../../core/auth/ton-proof-payloads';
import type { Db } from './connect';
import { tonProofPayloads } from './schema';

/** ton_proof payloads over Postgres (table ton_proof_payloads). */
export function createTonProofPayloadRepo(db: Db): TonProofPayloadRepo {
  return {
    async issue(input) {
      // Anyone may ask for payloads, so the table forgets expired ones as it grows: a day after expiry is
      // long enough to still tell "expired" from "unknown" to someone who was just slow.
      const forgetBefore = new Date(input.createdAt.getTime() - 86_400_000);
      await db.delete(tonProofPayloads).where(lt(tonProofPayloads.expiresAt, forgetBefore));
      await db.insert(tonProofPayloads).values(input);
    },

    async find(payload) {
      const [row] = await db.select().from(tonProofPayloads).where(eq(tonProofPayloads.payload, payload)).limit(1);
      return row ? { expiresAt: row.expiresAt, usedAt: row.usedAt } : null;
    },

    async consume(payload, now) {
      const used = await db
        .update(tonProofPayloads)
        .set({ usedAt: now })
        .where(and(eq(tonProofPayloads.payload, payload), isNull(tonProofPayloads.usedAt), gt(tonProofPayloads.expiresAt, now)))
        .returning({ payload: tonProofPayloads.payload });
      return used.length === 1;
    },
  };
}
