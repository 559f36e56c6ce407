import { HttpError } from '../../http/http-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The `:id` of a row keyed by uuid; anything else cannot name one, so it is the caller's 404. */
export function uuidParam(id: string, notFound: HttpError): string {
  if (!UUID.test(id)) throw notFound;
  return id.toLowerCase();
}
