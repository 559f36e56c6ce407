import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assertBlobKey, contentTypeOfBlobKey, isBlobKey, type BlobStore } from '../../core/media/blob-store';

/**
 * Uploaded files as plain files in a folder (MEDIA_DIR, default `<DATA_DIR>/media`): easy to back up and
 * to serve from a CDN later. The content type comes back from the key's extension.
 */
export function createFolderBlobStore(dir: string): BlobStore {
  let ready: Promise<unknown> | null = null;
  return {
    async put(key, blob) {
      assertBlobKey(key);
      ready ??= mkdir(dir, { recursive: true });
      await ready;
      // Write aside, then rename: a reader never sees half a file, and a rename over an identical file
      // (same key = same bytes) changes nothing.
      const temp = join(dir, `.${key}.${crypto.randomUUID()}.tmp`);
      await writeFile(temp, blob.bytes);
      await rename(temp, join(dir, key));
    },
    async get(key) {
      if (!isBlobKey(key)) return null;
      const contentType = contentTypeOfBlobKey(key);
      if (!contentType) return null;
      try {
        return { bytes: new Uint8Array(await readFile(join(dir, key))), contentType };
      } catch (error) {
        if ((error as { code?: string }).code === 'ENOENT') return null;
        throw error;
      }
    },
  };
}
