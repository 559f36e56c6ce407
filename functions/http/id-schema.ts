import { z } from 'zod';
import { text } from '../core/text/storable-text';
import type { HttpError } from './http-error';

// Ids as the API takes them, in one place. The database keeps every id in lower case (PostgreSQL prints
// uuids so; category ids are the demo's lower-case names or uuids), and some comparisons are on text, so
// an id is lowered here, at the edge: an id in any letter case names the same row on every route.

const lowerCase = (id: string) => id.toLowerCase();

/** A row keyed by uuid (products, orders, payments), in any letter case. */
export const uuidId = z.guid('must be an id (a UUID)').transform(lowerCase);

/** A category id: the demo's names (`coffee`) or a uuid, in any letter case. */
export const categoryId = text()
  .regex(/^[A-Za-z0-9_-]{1,100}$/, 'must be a category id')
  .transform(lowerCase);

/**
 * The `:id` of a path, read with an id schema; anything else cannot name a row, so it is the caller's 404
 * (`notFound`), as for an id that names nothing.
 */
export function idParam(schema: z.ZodType<string, string>, raw: string, notFound: HttpError): string {
  const id = schema.safeParse(raw);
  if (!id.success) throw notFound;
  return id.data;
}
