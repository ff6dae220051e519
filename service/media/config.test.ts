import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';
import { createStorage } from '../storage/index.js';
import { LocalStorage } from '../storage/local.js';
import { S3Storage } from '../storage/s3.js';

const dataDir = mkdtempSync(join(tmpdir(), 'minopa-media-config-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const SECRET = 's'.repeat(40);

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig({ DATA_DIR: dataDir, APP_SECRET: SECRET, ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('media configuration', () => {
  it('defaults to local files in DATA_DIR/media with the documented limits', () => {
    const config = loadConfig({ DATA_DIR: dataDir, APP_SECRET: SECRET });
    expect(config.media).toEqual({
      dir: join(dataDir, 'media'),
      maxBytes: { image: 20 * 1024 * 1024, video: 1024 * 1024 * 1024, document: 100 * 1024 * 1024 },
      urlTtlSeconds: 3600,
      fetchTimeoutMs: 15_000,
      fetchAllowedAddresses: [],
    });
    expect(config.s3).toBeUndefined();
    expect(createStorage(config)).toBeInstanceOf(LocalStorage);
  });

  it('uses an S3-compatible bucket when S3_BUCKET is set', () => {
    const config = loadConfig({
      DATA_DIR: dataDir, APP_SECRET: SECRET, S3_BUCKET: 'minopa-media', S3_ENDPOINT: 'https://s3.example.com/', S3_REGION: 'auto',
      S3_ACCESS_KEY_ID: 'AKIA', S3_SECRET_ACCESS_KEY: 'secret', S3_FORCE_PATH_STYLE: 'true', MEDIA_MAX_VIDEO_BYTES: '5000000',
    });
    expect(config.s3).toEqual({
      bucket: 'minopa-media', endpoint: 'https://s3.example.com', region: 'auto', credentials: { accessKeyId: 'AKIA', secretAccessKey: 'secret' }, forcePathStyle: true,
    });
    expect(config.media.maxBytes.video).toBe(5_000_000);
    expect(createStorage(config)).toBeInstanceOf(S3Storage);
  });

  it('refuses the private-address allowlist in production, half a key pair, and malformed values', () => {
    expect(problems({ NODE_ENV: 'production', TOKEN_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32).toString('base64')}`, MEDIA_FETCH_ALLOWED_ADDRESSES: '127.0.0.1/32' })).toEqual([
      'MEDIA_FETCH_ALLOWED_ADDRESSES must not be set when NODE_ENV=production (it lets the server fetch from private addresses)',
    ]);
    expect(problems({ S3_BUCKET: 'minopa-media', S3_ACCESS_KEY_ID: 'AKIA' })).toEqual(['S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together']);
    expect(problems({ S3_BUCKET: 'No_Such', MEDIA_MAX_IMAGE_BYTES: '-1', MEDIA_FETCH_ALLOWED_ADDRESSES: '127.0.0.1/33, intranet' })).toEqual([
      'S3_BUCKET must be a bucket name (3–63 lowercase letters, digits, dots, hyphens)',
      'MEDIA_MAX_IMAGE_BYTES must be at least 1 byte',
      'MEDIA_FETCH_ALLOWED_ADDRESSES has entries that are not addresses or CIDRs: 127.0.0.1/33, intranet',
    ]);
  });
});
