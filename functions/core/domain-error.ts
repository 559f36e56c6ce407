/**
 * What sort of failure an error is, in the domain's words. The HTTP edge turns each kind into one status
 * (functions/http/error-handler.ts), so a new error only says what it is; no table of codes to keep.
 */
export type ErrorKind =
  /** The request itself is wrong: unreadable, out of range, not allowed characters. 400 */
  | 'invalid'
  /** Who is calling is not proven (missing, forged or expired credentials). 401 */
  | 'unauthenticated'
  /** Known caller, not allowed to do this (or the feature is switched off). 403 */
  | 'forbidden'
  | 'not_found'
  /** The request is fine but clashes with the current state (sold out, already paid, taken). 409 */
  | 'conflict'
  /** Well-formed but its content cannot be acted on (amount too low, a wallet the shop cannot read). 422 */
  | 'unprocessable'
  | 'too_large'
  | 'unsupported_media_type'
  /** Too many requests, or too many open things at once: try later. 429 */
  | 'rate_limited'
  /** Not the caller's fault and not a verdict: a dependency is down; try again later. 503 */
  | 'unavailable';

/**
 * A failure the domain expects and can name. Every one carries its `kind` and a stable `code` that
 * clients may switch on. The core knows nothing of HTTP: subclasses say *what* went wrong, the edge
 * decides *how* to answer.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }

  /** More for the client beside code and message (JSON-safe), e.g. which fields are wrong; none by default. */
  get details(): Record<string, unknown> | undefined {
    return undefined;
  }
}

/** Too many requests or too many open things: the caller may try again after `retryAfterSeconds`. */
export class RateLimitedError extends DomainError {
  constructor(
    code: string,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('rate_limited', code, message);
  }
}
