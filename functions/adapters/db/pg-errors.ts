/**
 * Whether `error` (from either driver, possibly wrapped by Drizzle) is Postgres' unique_violation
 * (SQLSTATE 23505), optionally on a named constraint.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const fields = e as { code?: unknown; constraint?: unknown; constraint_name?: unknown };
    if (fields.code === '23505') {
      const name = fields.constraint ?? fields.constraint_name;
      return constraint === undefined || name === constraint;
    }
  }
  return false;
}
