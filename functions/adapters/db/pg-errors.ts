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

/**
 * Whether `error` says the database refused the *content* of a write, so that trying again cannot help:
 * SQLSTATE class 22 (data exception: U+0000 in text, a number out of range, bad encoding), 23 (integrity:
 * a CHECK, NOT NULL, a foreign key; not unique_violation, which callers treat as "already there") and 54
 * (a program limit: a value too large). A lost connection, a terminated backend or a serialization
 * failure is not: those are outages, and the same write succeeds later.
 * postgresql.org/docs/current/errcodes-appendix.html
 */
export function isContentRefused(error: unknown): boolean {
  const code = sqlStateOf(error);
  if (!code || code === '23505') return false;
  return code.startsWith('22') || code.startsWith('23') || code.startsWith('54');
}

/** The SQLSTATE of a database error from either driver, possibly wrapped by Drizzle. */
export function sqlStateOf(error: unknown): string | null {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return null;
}

// postgres.js names a lost connection with codes of its own (src/errors.js); Node's socket errors come through as they are.
const LOST_CONNECTION_CODES = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECTION_ENDED',
  'CONNECT_TIMEOUT',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
]);

/**
 * Whether `error` says the database could not be reached or dropped the session mid-work, so that the same
 * request succeeds in a moment: SQLSTATE class 08 (connection exception), 57P01–57P03 (the backend was
 * terminated, the server is shutting down or starting), or the driver's and the socket's own codes for a
 * connection that closed. Nothing was decided: a transaction cut off this way rolled back.
 * postgresql.org/docs/current/errcodes-appendix.html
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code !== 'string') continue;
    if (code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03' || LOST_CONNECTION_CODES.has(code)) return true;
  }
  return false;
}
