import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { isDatabaseUnavailable } from '../adapters/db/pg-errors';
import { DomainError, RateLimitedError, type ErrorKind } from '../core/domain-error';
import { isTextInvalidIssue, TEXT_INVALID } from '../core/text/storable-text';

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503;

/** The one mapping from what went wrong to how HTTP says it. */
export const STATUS_BY_KIND: Readonly<Record<ErrorKind, ErrorStatus>> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
};

export interface ErrorLogger {
  error(message: string, error: unknown): void;
}

/**
 * The one place where a thrown error becomes a response: `{ error: { code, message } }`. Domain errors
 * (and HttpError, which is one) get the status of their kind; Hono's own HTTPException (thrown by its
 * built-in middleware, e.g. a body limit) keeps its status; a lost database connection is 503 with
 * Retry-After; anything else is logged and answered 500 without details.
 */
export function createErrorHandler(logger: ErrorLogger) {
  return (error: Error, c: Context) => {
    if (error instanceof DomainError) {
      if (error instanceof RateLimitedError) c.header('Retry-After', String(Math.max(1, Math.ceil(error.retryAfterSeconds))));
      const details = error.details;
      if (details) return c.json({ error: { ...details, code: error.code, message: error.message } }, STATUS_BY_KIND[error.kind]);
      return errorResponse(c, STATUS_BY_KIND[error.kind], error.code, error.message);
    }
    if (error instanceof z.ZodError) {
      // Text PostgreSQL cannot store has its own code, whichever schema refused it.
      const textIssues = error.issues.filter(isTextInvalidIssue);
      if (textIssues.length > 0) return errorResponse(c, 400, TEXT_INVALID, describeIssues(textIssues));
      return errorResponse(c, 400, 'VALIDATION_FAILED', describeIssues(error.issues));
    }
    if (error instanceof HTTPException) return httpExceptionResponse(c, error);
    // A terminated backend or a dropped connection rolled the work back: the client may simply try again.
    if (isDatabaseUnavailable(error)) {
      c.header('Retry-After', '1');
      return errorResponse(c, 503, 'DATABASE_UNAVAILABLE', 'The shop lost its database connection for a moment. Please try again.');
    }
    logger.error(`unhandled error on ${c.req.method} ${c.req.path}`, error);
    return errorResponse(c, 500, 'INTERNAL', 'Something went wrong on our side. Please try again.');
  };
}

export function errorResponse(c: Context, status: ErrorStatus, code: string, message: string) {
  return c.json({ error: { code, message } }, status);
}

// A middleware's exception already chose its status; a ready response it carries is sent as it is.
function httpExceptionResponse(c: Context, error: HTTPException) {
  if (error.res) return error.getResponse();
  const status = error.status as ContentfulStatusCode;
  const code = status >= 500 ? 'INTERNAL' : `HTTP_${status}`;
  const message = error.message || (status === 413 ? 'The request body is too large.' : 'The request was refused.');
  return c.json({ error: { code, message } }, status);
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
