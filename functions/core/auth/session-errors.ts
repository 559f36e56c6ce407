import { DomainError } from '../domain-error';

/**
 * Any reason to refuse a web session cookie. The HTTP edge answers all of them with 401 and clears the
 * cookie; `code` says which one, so the web app can tell "sign in again" from "you signed out".
 */
export class SessionError extends DomainError {}

/** The cookie is not one the shop issued: unreadable, unknown id, or a secret that does not match. */
export class SessionInvalidError extends SessionError {
  declare readonly code: 'SESSION_INVALID';

  constructor() {
    super('unauthenticated', 'SESSION_INVALID', 'Your sign-in is not valid. Sign in again.');
  }
}

/** The session ran past its lifetime (SESSION_TTL_SECONDS). */
export class SessionExpiredError extends SessionError {
  declare readonly code: 'SESSION_EXPIRED';

  constructor() {
    super('unauthenticated', 'SESSION_EXPIRED', 'Your sign-in has expired. Sign in again.');
  }
}

/** The session was ended: signed out here or on another device, or replaced when accounts were linked. */
export class SessionRevokedError extends SessionError {
  declare readonly code: 'SESSION_REVOKED';

  constructor() {
    super('unauthenticated', 'SESSION_REVOKED', 'You signed out of this session. Sign in again.');
  }
}
