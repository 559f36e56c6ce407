import type { Download } from './admin-api';

/**
 * Hands a downloaded file to the browser as a save. The export needs the Authorization header, so a
 * plain <a href> can't fetch it; the blob goes through an object URL instead.
 */
export function saveDownload(download: Download, fallbackName: string, doc: Document = document): void {
  const url = URL.createObjectURL(download.blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = download.filename ?? fallbackName;
  link.rel = 'noopener';
  doc.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start reading the blob before it is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
