import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../functions/config';

const S3 = {
  BLOB_STORE: 's3',
  S3_ENDPOINT: 'https://0123abcd.r2.cloudflarestorage.com',
  S3_BUCKET: 'shop-media',
  S3_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  S3_SECRET_ACCESS_KEY: 'very-secret-value',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('loadConfig accepted the settings');
}

describe('BLOB_STORE=s3 settings', () => {
  it('gives the bucket with region auto unless S3_REGION says otherwise', () => {
    expect(loadConfig(S3).s3).toEqual({
      endpoint: S3.S3_ENDPOINT,
      bucket: 'shop-media',
      region: 'auto',
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: 'very-secret-value',
    });
    expect(loadConfig({ ...S3, S3_REGION: 'eu-central-1' }).s3?.region).toBe('eu-central-1');
  });

  it('lists every missing S3 setting at once', () => {
    expect(problemsOf({ BLOB_STORE: 's3', S3_BUCKET: 'shop-media' })).toEqual([
      'S3_ENDPOINT: required with BLOB_STORE=s3',
      'S3_ACCESS_KEY_ID: required with BLOB_STORE=s3',
      'S3_SECRET_ACCESS_KEY: required with BLOB_STORE=s3',
    ]);
  });

  it('refuses a plain-http endpoint except on this machine, and a malformed bucket name', () => {
    expect(problemsOf({ ...S3, S3_ENDPOINT: 'http://s3.example.com' })).toEqual(['S3_ENDPOINT: must be an https:// URL']);
    expect(loadConfig({ ...S3, S3_ENDPOINT: 'http://127.0.0.1:9000' }).s3?.endpoint).toBe('http://127.0.0.1:9000');
    expect(problemsOf({ ...S3, S3_BUCKET: 'Shop_Media' })[0]).toMatch(/^S3_BUCKET: /);
  });

  it('never repeats the secret in a settings error', () => {
    const problems = problemsOf({ ...S3, S3_ENDPOINT: 'ftp://x', S3_SECRET_ACCESS_KEY: 'very-secret-value' });
    expect(problems.join('\n')).not.toContain('very-secret-value');
  });

  it('has no bucket with another BLOB_STORE, even when S3 settings are present', () => {
    expect(loadConfig({ ...S3, BLOB_STORE: 'database' }).s3).toBeUndefined();
    expect(loadConfig({}).s3).toBeUndefined();
  });
});
