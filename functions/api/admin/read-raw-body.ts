import { HttpError } from '../../http/http-error';
import { readBoundedBody } from '../../http/read-bounded-body';

/** Reads an uploaded file's bytes up to `limitBytes`: 413 BODY_TOO_LARGE naming the limit past it. */
export function readRawBody(request: Request, limitBytes: number): Promise<Uint8Array> {
  return readBoundedBody(request, limitBytes, () => tooLarge(limitBytes));
}

function tooLarge(limitBytes: number): HttpError {
  const size = limitBytes >= 1024 * 1024 ? `${limitBytes / (1024 * 1024)} MB` : `${limitBytes} bytes`;
  return new HttpError('too_large', 'BODY_TOO_LARGE', `The file is larger than ${size}.`);
}
