import type { Config } from '../config.js';
import { LocalStorage } from './local.js';
import { S3Storage, createS3Client } from './s3.js';
import type { BlobStorage } from './types.js';

export type { BlobRead, BlobStorage, ByteRange, SignedUrlOptions } from './types.js';

/** The storage the configuration names: the S3-compatible bucket when S3_BUCKET is set, else DATA_DIR/media. */
export function createStorage(config: Pick<Config, 's3' | 'media' | 'publicUrl' | 'appSecret'>): BlobStorage {
  if (config.s3) return new S3Storage(createS3Client(config.s3), config.s3.bucket);
  return new LocalStorage({ dir: config.media.dir, publicUrl: config.publicUrl, appSecret: config.appSecret });
}
