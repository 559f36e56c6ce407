import { Hono } from 'hono';
import type { DigitalRepo } from '../core/digital/digital-repo';
import { DownloadLinkInvalidError, type DownloadLinkSigner } from '../core/digital/download-link';
import type { BlobStore } from '../core/media/blob-store';
import { isPaid } from '../core/orders/order-lifecycle';
import { HttpError } from '../http/http-error';

/**
 * A digital product's file, by a signed link (core/digital/download-link.ts) and nothing else: the link
 * is the customer's credential (it opens in a browser or Telegram's file viewer, which send no initData).
 * Checked each time: the signature, the time, that the order is the customer's the link names, and that
 * it is still paid (a refund ends every link at once).
 */
export function downloadRoutes(deps: { digital: DigitalRepo; signer: DownloadLinkSigner; blobs: Pick<BlobStore, 'get'>; clock: () => Date }) {
  const app = new Hono();
  app.get('/:token', async (c) => {
    const grant = await deps.signer.verify(c.req.param('token'), deps.clock());
    const download = await deps.digital.findDownload(grant.orderId, grant.productId);
    if (!download || download.customerId !== grant.customerId) throw new DownloadLinkInvalidError();
    if (!isPaid(download.status)) {
      throw new HttpError('forbidden', 'DOWNLOAD_REVOKED', `This order is ${download.status}: its files can no longer be downloaded.`);
    }
    const blob = await deps.blobs.get(download.file.blobKey);
    if (!blob) throw new HttpError('not_found', 'FILE_NOT_FOUND', 'The shop no longer has this file. Contact the shop.');
    return c.body(blob.bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': download.file.contentType,
      'Content-Length': String(blob.bytes.byteLength),
      'Content-Disposition': contentDisposition(download.file.fileName),
      // A link is personal: no shared cache keeps the file.
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    });
  });
  return app;
}

/** RFC 6266: an ASCII fallback name and the UTF-8 one (RFC 5987 `filename*`). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
