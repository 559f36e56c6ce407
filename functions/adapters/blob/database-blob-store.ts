import { eq } from 'drizzle-orm';
import { decodeBase64, encodeBase64 } from '../../core/bytes/base64';
import { assertBlobKey, isBlobKey, type BlobStore } from '../../core/media/blob-store';
import type { Db } from '../db/connect';
import { blobs } from '../db/schema';

/**
 * Uploaded files in the `blobs` table (base64 text), for platforms with no disk (Workers, Vercel,
 * Netlify). Fine for a shop's few hundred product photos of ≤ 2 MB; a bucket adapter is the next step.
 */
export function createDatabaseBlobStore(db: Db, clock: () => Date = () => new Date()): BlobStore {
  return {
    async put(key, blob) {
      assertBlobKey(key);
      // Same key, same bytes (keys are content hashes): a second upload changes nothing.
      await db
        .insert(blobs)
        .values({ key, contentType: blob.contentType, bytes: encodeBase64(blob.bytes), createdAt: clock() })
        .onConflictDoNothing({ target: blobs.key });
    },
    async get(key) {
      if (!isBlobKey(key)) return null;
      const [row] = await db.select().from(blobs).where(eq(blobs.key, key)).limit(1);
      return row ? { bytes: decodeBase64(row.bytes), contentType: row.contentType } : null;
    },
  };
}
