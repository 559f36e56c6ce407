import { assertBlobKey, contentTypeOfBlobKey, isBlobKey, type BlobStore } from '../../core/media/blob-store';

/** The HTTP metadata R2 keeps with an object and hands back on `get`/`head`. */
export interface R2HttpMetadata {
  contentType?: string;
  cacheControl?: string;
}

/** What `head` answers: an object's metadata. */
export interface R2ObjectLike {
  key: string;
  size: number;
  httpMetadata?: R2HttpMetadata;
}

/** What `get` answers: the metadata and the body (a stream, read whole here). */
export interface R2ObjectBodyLike extends R2ObjectLike {
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * The part of a Workers R2 bucket binding this store uses (developers.cloudflare.com/r2/api/workers/
 * workers-api-reference/). Typed here rather than with @cloudflare/workers-types, which the project does
 * not depend on; the real binding, and Miniflare's `getR2Bucket` in tests, satisfy it.
 */
export interface R2BucketLike {
  /** The object's metadata without its body, or null when there is no such key. */
  head(key: string): Promise<R2ObjectLike | null>;
  get(key: string): Promise<R2ObjectBodyLike | null>;
  put(key: string, value: ArrayBuffer | Uint8Array, options?: { httpMetadata?: R2HttpMetadata }): Promise<unknown>;
}

// The bytes under a key never change (keys are content hashes), so a public bucket or a CDN in front of
// it may cache them as long as the shop's own /media/u/ route does (functions/api/media-routes.ts).
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Uploaded files in an R2 bucket, for the Cloudflare Worker (a `MEDIA` bucket binding in wrangler.toml).
 * Objects are stored under their blob key with the content type and cache policy as R2 HTTP metadata, so
 * the bucket can also be served on its own (a public bucket or custom domain) with the right headers.
 * `readFallback` is asked for keys the bucket lacks: the store images went to before a bucket was bound
 * (the database), so binding one later loses no picture. New uploads go to the bucket only.
 */
export function createR2BlobStore(bucket: R2BucketLike, options: { readFallback?: BlobStore } = {}): BlobStore {
  return {
    async put(key, blob) {
      assertBlobKey(key);
      // Same key, same bytes: a second upload of a photo costs a read (R2 class B), not another write
      // (class A, the dearer one).
      if (await bucket.head(key)) return;
      await bucket.put(key, blob.bytes, { httpMetadata: { contentType: blob.contentType, cacheControl: IMMUTABLE } });
    },
    async get(key) {
      if (!isBlobKey(key)) return null;
      // The key's extension is the format the bytes were sniffed as at upload: the type is served from
      // it, as the folder store does, never from metadata anyone with bucket access could have changed.
      const contentType = contentTypeOfBlobKey(key);
      if (!contentType) return null;
      const object = await bucket.get(key);
      if (!object) return options.readFallback ? options.readFallback.get(key) : null;
      return { bytes: new Uint8Array(await object.arrayBuffer()), contentType };
    },
  };
}
