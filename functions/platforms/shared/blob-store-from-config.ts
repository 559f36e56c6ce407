import { createDatabaseBlobStore } from '../../adapters/blob/database-blob-store';
import { createS3BlobStore } from '../../adapters/blob/s3-blob-store';
import type { Db } from '../../adapters/db/connect';
import type { Config } from '../../config';
import type { CryptoPort } from '../../core/crypto-port';
import type { BlobStore } from '../../core/media/blob-store';

/**
 * The S3-compatible bucket when BLOB_STORE=s3 (Vercel, Netlify, Node), with the database as its read
 * fallback so that images uploaded before the bucket was set keep showing; undefined otherwise (the
 * caller's default: the folder on Node, the database on serverless hosts).
 */
export function createS3BlobStoreFromConfig(config: Config, deps: { db: Db; crypto: CryptoPort }): BlobStore | undefined {
  if (!config.s3) return undefined;
  return createS3BlobStore(config.s3, {
    crypto: deps.crypto,
    readFallback: createDatabaseBlobStore(deps.db),
  });
}
