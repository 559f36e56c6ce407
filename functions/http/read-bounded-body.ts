import { concatBytes } from '../core/bytes/concat-bytes';
import type { HttpError } from './http-error';

/**
 * Reads a request body up to `limitBytes`, counting the bytes actually received (a Content-Length can
 * lie), and stops reading as soon as the limit is passed, throwing the caller's 413 `tooLarge()`.
 */
export async function readBoundedBody(request: Request, limitBytes: number, tooLarge: () => HttpError): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limitBytes) throw tooLarge();
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limitBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return concatBytes(chunks);
}
