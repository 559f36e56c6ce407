import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { PricingCurrency } from '../../core/pricing/currencies';
import type { PromoCode } from '../../core/promotions/promo-code';
import type { Db } from './connect';
import { isUniqueViolation, sqlStateOf } from './pg-errors';
import { toPromoCode } from './promo-code-rows';
import { promoCodes, promoCodeUses } from './schema';

/** A code as the merchant edits it (everything but its id and its currency, which is the shop's). */
export type PromoCodeFields = Omit<PromoCode, 'id' | 'currency'>;

/** A code with how often it is held by open orders and used by paid ones. */
export type PromoCodeWithUses = PromoCode & { usesHeld: number; usesUsed: number; createdAt: Date; updatedAt: Date };

export type PromoWriteResult =
  | { kind: 'ok'; promo: PromoCodeWithUses }
  | { kind: 'code_taken' }
  | { kind: 'not_found' }
  /** The value does not fit the code's kind once merged with what is stored (an edit of a percent code's value alone). */
  | { kind: 'value_invalid' }
  /** A fixed code in another currency than the shop's: its minimum cannot be set without a new value. */
  | { kind: 'currency_mismatch'; codeCurrency: PricingCurrency; shopCurrency: PricingCurrency };

/**
 * The merchant's promo codes. A code that orders used is switched off, never deleted (orders name it).
 * Codes are saved in `currency`, the shop's pricing currency.
 */
export function createPromoCodeRepo(db: Db, { currency }: { currency: PricingCurrency }) {
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
  const write = async (run: () => Promise<(typeof promoCodes.$inferSelect)[] | PromoWriteResult>): Promise<PromoWriteResult> => {
    try {
      const written = await run();
      if (!Array.isArray(written)) return written;
      const [row] = written;
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
          .values({ ...fields, currency, createdAt: now, updatedAt: now })
          .returning(),
      );
    },
    /**
     * Changes the given fields. A code saved in another currency than the shop's is repriced by a patch
     * that gives an amount: a minimum, or the value of a fixed code. It then counts the shop's currency,
     * and the amount the patch leaves out (a fixed code's minimum) is cleared rather than read in the
     * wrong unit. A fixed code's minimum alone cannot be set that way (its value would stay in the old
     * currency): currency_mismatch. A percentage is no amount, so other patches leave the currency alone.
     */
    updateCode(id: string, patch: Partial<PromoCodeFields>, now: Date): Promise<PromoWriteResult> {
      return write(() =>
        db.transaction(async (tx) => {
          const [row] = await tx.select({ kind: promoCodes.kind, currency: promoCodes.currency }).from(promoCodes).where(eq(promoCodes.id, id)).for('update');
          if (!row) return [];
          let repriced = {};
          if (row.currency !== currency) {
            const fixed = (patch.kind ?? row.kind) === 'fixed';
            const valueGiven = fixed && patch.value !== undefined;
            if (fixed && !valueGiven && patch.minSubtotalMinor != null)
              return { kind: 'currency_mismatch' as const, codeCurrency: row.currency, shopCurrency: currency };
            if (valueGiven || patch.minSubtotalMinor != null) repriced = { currency, minSubtotalMinor: patch.minSubtotalMinor ?? null };
          }
          return tx
            .update(promoCodes)
            .set({ ...patch, ...repriced, updatedAt: now })
            .where(eq(promoCodes.id, id))
            .returning();
        }),
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
