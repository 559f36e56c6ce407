import { DomainError, type ErrorKind } from '../core/domain-error';

/**
 * An error thrown at the HTTP edge for a failure that is not the domain's (a missing header, a body that
 * is not JSON, a route switched off). It is a DomainError with a kind like any other, so the one error
 * handler answers both the same way.
 */
export class HttpError extends DomainError {
  constructor(kind: ErrorKind, code: string, message: string) {
    super(kind, code, message);
    this.name = 'HttpError';
  }
}
