import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { PromoCode } from '../../core/promotions/promo-code';
import type { Db } from './connect';
import { isUniqueViolation, sqlStateOf } from './pg-errors';
import { toPromoCode } from './promo-code-rows';
import { promoCodes, promoCodeUses } from './schema';

/** A code as the merchant edits it (everything but its id). */
export type PromoCodeFields = Omit<PromoCode, 'id'>;

/** A code with how often it is held by open orders and used by paid ones. */
export type PromoCodeWithUses = PromoCode & { usesHeld: number; usesUsed: number; createdAt: Date; updatedAt: Date };

export type PromoWriteResult =
  | { kind: 'ok'; promo: PromoCodeWithUses }
  | { kind: 'code_taken' }
  | { kind: 'not_found' }
  /** The value does not fit the code's kind once merged with what is stored (an edit of a percent code's value alone). */
  | { kind: 'value_invalid' };

/** The merchant's promo codes. A code that orders used is switched off, never deleted (orders name it). */
export function createPromoCodeRepo(db: Db) {
  const withUses = async (ids: string[]): Promise<Map<string, { held: number; used: number }>> => {
    if (ids.length === 0) return new Map();
    const rows = await db
      .select({ id: promoCodeUses.promoCodeId, status: promoCodeUses.status, n: sql<number>`count(*)`.mapWith(Number) })
      .from(promoCodeUses)
      .where(inArray(promoCodeUses.promoCodeId, ids))
      .groupBy(promoCodeUses.promoCodeId, promoCodeUses.status);
    const uses = new Map<string, { held: number; used: number }>();
    for (const row of rows) {
      const entry = uses.get(row.id) ?? { held: 0, used: 0 };
      if (row.status === 'held') entry.held = row.n;
      if (row.status === 'used') entry.used = row.n;
      uses.set(row.id, entry);
    }
    return uses;
  };
  const present = async (rows: (typeof promoCodes.$inferSelect)[]): Promise<PromoCodeWithUses[]> => {
    const uses = await withUses(rows.map((row) => row.id));
    return rows.map((row) => ({
      ...toPromoCode(row),
      usesHeld: uses.get(row.id)?.held ?? 0,
      usesUsed: uses.get(row.id)?.used ?? 0,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    }));
  };
  const write = async (run: () => Promise<(typeof promoCodes.$inferSelect)[]>): Promise<PromoWriteResult> => {
    try {
      const [row] = await run();
      if (!row) return { kind: 'not_found' };
      const [promo] = await present([row]);
      return { kind: 'ok', promo: promo! };
    } catch (error) {
      if (isUniqueViolation(error, 'promo_codes_code_unique')) return { kind: 'code_taken' };
      // A CHECK (value positive, a percentage at most 100 %): a patch naming `value` without `kind` is only
      // checked against the stored kind here.
      if (sqlStateOf(error) === '23514') return { kind: 'value_invalid' };
      throw error;
    }
  };
  return {
    async listCodes(): Promise<PromoCodeWithUses[]> {
      return present(await db.select().from(promoCodes).orderBy(asc(promoCodes.createdAt), asc(promoCodes.code)));
    },
    createCode(fields: PromoCodeFields, now: Date): Promise<PromoWriteResult> {
      return write(() =>
        db
          .insert(promoCodes)
          .values({ ...fields, createdAt: now, updatedAt: now })
          .returning(),
      );
    },
    updateCode(id: string, patch: Partial<PromoCodeFields>, now: Date): Promise<PromoWriteResult> {
      return write(() =>
        db
          .update(promoCodes)
          .set({ ...patch, updatedAt: now })
          .where(eq(promoCodes.id, id))
          .returning(),
      );
    },
    /** Deletes a code no order ever used; one that was used is switched off instead. */
    async deleteCode(id: string, now: Date): Promise<'deleted' | 'deactivated' | 'not_found'> {
      return db.transaction(async (tx) => {
        const [row] = await tx.select({ id: promoCodes.id }).from(promoCodes).where(eq(promoCodes.id, id)).for('update');
        if (!row) return 'not_found';
        const [used] = await tx.select({ id: promoCodeUses.id }).from(promoCodeUses).where(eq(promoCodeUses.promoCodeId, id)).limit(1);
        if (used) {
          await tx
            .update(promoCodes)
            .set({ active: false, updatedAt: now })
            .where(and(eq(promoCodes.id, id)));
          return 'deactivated';
        }
        await tx.delete(promoCodes).where(eq(promoCodes.id, id));
        return 'deleted';
      });
    },
  };
}

export type PromoCodeRepo = ReturnType<typeof createPromoCodeRepo>;
