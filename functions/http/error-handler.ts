import type { Context } from 'hono';
import { z } from 'zod';
import { DomainError } from '../core/domain-error';
import { HttpError } from './http-error';

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503;

// Domain codes that are not a plain 400 "your request is wrong".
const STATUS_BY_CODE: Record<string, ErrorStatus> = {
  INIT_DATA_MISSING: 401,
  INIT_DATA_MALFORMED: 401,
  INIT_DATA_SIGNATURE_INVALID: 401,
  INIT_DATA_EXPIRED: 401,
  INIT_DATA_FROM_FUTURE: 401,
  SESSION_INVALID: 401,
  SESSION_EXPIRED: 401,
  SESSION_REVOKED: 401,
  IDENTITY_IN_USE: 409,
  IDENTITY_ALREADY_LINKED: 409,
  TON_PROOF_NETWORK_MISMATCH: 401,
  TON_PROOF_DOMAIN_MISMATCH: 401,
  TON_PROOF_EXPIRED: 401,
  TON_PROOF_FROM_FUTURE: 401,
  TON_PROOF_PAYLOAD_UNKNOWN: 401,
  TON_PROOF_PAYLOAD_USED: 401,
  TON_PROOF_PAYLOAD_EXPIRED: 401,
  TON_PROOF_STATE_INIT_MISMATCH: 401,
  TON_PROOF_PUBLIC_KEY_MISMATCH: 401,
  TON_PROOF_SIGNATURE_INVALID: 401,
  TON_PROOF_WALLET_UNSUPPORTED: 422,
  TON_PROOF_PUBLIC_KEY_UNKNOWN: 422,
  PRODUCT_NOT_FOUND: 404,
  ORDER_NOT_FOUND: 404,
  OUT_OF_STOCK: 409,
  PRODUCT_INACTIVE: 409,
  ORDER_TRANSITION_INVALID: 409,
  ORDER_NOT_PAYABLE: 409,
  PAYMENT_ALREADY_SUBMITTED: 409,
  PAYMENT_WRONG_DESTINATION: 422,
  PAYMENT_AMOUNT_TOO_LOW: 422,
  PAYMENT_WRONG_COMMENT: 422,
  // Not the client's fault and not a verdict: try again later.
  CHAIN_UNAVAILABLE: 503,
  // The S3 bucket for uploaded images failed or refused us (functions/adapters/blob/s3-blob-store.ts).
  BLOB_STORE_UNAVAILABLE: 503,
};

export interface ErrorLogger {
  error(message: string, error: unknown): void;
}

/**
 * The one place where a thrown error becomes a response: `{ error: { code, message } }`. Known failures
 * get their 4xx; anything else is logged and answered 500 without details.
 */
export function createErrorHandler(logger: ErrorLogger) {
  return (error: Error, c: Context) => {
    if (error instanceof HttpError) return errorResponse(c, error.status, error.code, error.message);
    if (error instanceof DomainError) {
      return errorResponse(c, STATUS_BY_CODE[error.code] ?? 400, error.code, error.message);
    }
    if (error instanceof z.ZodError) {
      return errorResponse(c, 400, 'VALIDATION_FAILED', describeZodError(error));
    }
    logger.error(`unhandled error on ${c.req.method} ${c.req.path}`, error);
    return errorResponse(c, 500, 'INTERNAL', 'Something went wrong on our side. Please try again.');
  };
}

export function errorResponse(c: Context, status: ErrorStatus, code: string, message: string) {
  return c.json({ error: { code, message } }, status);
}

function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
