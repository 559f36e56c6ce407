import { and, eq, isNull } from 'drizzle-orm';
import type { SessionRecord, SessionRepo } from '../../core/auth/session';
import type { Db } from './connect';
import { webSessions } from './schema';

/** Web sessions over Postgres (table web_sessions). */
export function createSessionRepo(db: Db): SessionRepo {
  return {
    async create(input) {
      const [row] = await db.insert(webSessions).values(input).returning({ id: webSessions.id });
      if (!row) throw new Error('session insert returned no row');
      return row.id;
    },

    async find(id) {
      const [row] = await db.select().from(webSessions).where(eq(webSessions.id, id)).limit(1);
      return row ? toRecord(row) : null;
    },

    async revoke(id, now) {
      await db
        .update(webSessions)
        .set({ revokedAt: now })
        .where(and(eq(webSessions.id, id), isNull(webSessions.revokedAt)));
    },
  };
}

function toRecord(row: typeof webSessions.$inferSelect): SessionRecord {
  return {
    id: row.id,
    customerId: row.customerId,
    tokenHash: row.tokenHash,
    method: row.method,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
  };
}
