import type { Context } from 'hono';
import type { z } from 'zod';
import { HttpError } from './http-error';
import { readBoundedBody } from './read-bounded-body';

/** The largest request body the API reads. An order of 50 lines is about 4 KB. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

/**
 * Reads a JSON request body defensively: JSON content type, bounded size (counted on the bytes actually
 * received, not on a Content-Length the client could lie about), valid JSON, then the schema.
 */
export async function readJsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new HttpError('unsupported_media_type', 'UNSUPPORTED_MEDIA_TYPE', 'Send the request body as application/json.');
  }
  const text = new TextDecoder().decode(await readBoundedBody(c.req.raw, MAX_JSON_BODY_BYTES, tooLarge));
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new HttpError('invalid', 'INVALID_JSON', 'The request body is not valid JSON.');
  }
  return schema.parse(data);
}

function tooLarge(): HttpError {
  return new HttpError('too_large', 'BODY_TOO_LARGE', `The request body is larger than ${MAX_JSON_BODY_BYTES} bytes.`);
}
