import type { Context } from 'hono';
import type { z } from 'zod';
import { findUnstorableText, sanitizeJsonText, sanitizeText, TextInvalidError } from '../core/text/storable-text';
import { HttpError } from './http-error';
import { readBoundedBody } from './read-bounded-body';

/** The largest request body the API reads. An order of 50 lines is about 4 KB. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

export interface ReadJsonBodyOptions {
  /**
   * What to do with text the database cannot store (core/text/storable-text.ts) anywhere in the body,
   * keys included: `refuse` it with 400 TEXT_INVALID (the default); `replace` it with U+FFFD, for a body
   * the shop must take as it comes (a Telegram update); or `keep` it, only for a body whose signature is
   * checked over the text as sent (the Login Widget's), whose caller makes what it stores storable.
   */
  unstorableText?: 'refuse' | 'replace' | 'keep';
}

/**
 * Reads a JSON request body defensively: JSON content type, bounded size (counted on the bytes actually
 * received, not on a Content-Length the client could lie about), valid JSON, the text rule over the whole
 * document (so no field, read or not, can carry U+0000 further), then the schema.
 */
export async function readJsonBody<S extends z.ZodType>(c: Context, schema: S, options: ReadJsonBodyOptions = {}): Promise<z.output<S>> {
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
  if (options.unstorableText === 'replace') return schema.parse(sanitizeJsonText(data));
  if (options.unstorableText === 'keep') return schema.parse(data);
  const unstorable = findUnstorableText(data);
  if (unstorable) throw new TextInvalidError(unstorable.length > 0 ? describePath(unstorable) : 'the body');
  return schema.parse(data);
}

// The path goes back in the answer, and a key may be the bad text itself: shown replaced and short.
function describePath(path: readonly (string | number)[]): string {
  return path.map((part) => sanitizeText(String(part)).slice(0, 40)).join('.');
}

function tooLarge(): HttpError {
  return new HttpError('too_large', 'BODY_TOO_LARGE', `The request body is larger than ${MAX_JSON_BODY_BYTES} bytes.`);
}
