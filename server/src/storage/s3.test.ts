// Signing is a local computation, so the URL's shape is checked without a store.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/env';
import { createStorage } from './s3';
import { createS3ObjectStore } from './s3-object-store';

const base = {
  S3_ENDPOINT: 'http://minio:9000',
  S3_REGION: 'us-east-1',
  S3_BUCKET: 'zyntra-media',
  S3_ACCESS_KEY_ID: 'key',
  S3_SECRET_ACCESS_KEY: 'secret',
  S3_FORCE_PATH_STYLE: true,
};

describe('signed media URLs', () => {
  it('when S3_PUBLIC_ENDPOINT is set, then signed URLs name it and sign its host, not the internal endpoint', async () => {
    const storage = createStorage({ ...base, S3_PUBLIC_ENDPOINT: 'https://zyntra.example.com' });
    const url = new URL(await createS3ObjectStore(storage).signedUrl('t1/media/a.jpg', 300));
    expect(url.origin).toBe('https://zyntra.example.com');
    expect(url.pathname).toBe('/zyntra-media/t1/media/a.jpg');
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('host');
    expect(url.searchParams.get('X-Amz-Credential')).toMatch(/^key\/\d{8}\/us-east-1\/s3\/aws4_request$/);
    // Requests still go to the internal endpoint.
    expect(await storage.client.config.endpoint?.().then((e) => e.hostname)).toBe('minio');
  });

  it('when S3_PUBLIC_ENDPOINT is unset, then signed URLs name S3_ENDPOINT as before', async () => {
    const storage = createStorage(base);
    expect(new URL(await createS3ObjectStore(storage).signedUrl('k', 60)).origin).toBe('http://minio:9000');
    expect(storage.signer).toBe(storage.client);
  });

  it('when S3_PUBLIC_ENDPOINT has a path, then configuration stops with one line naming it', () => {
    const env = { DATABASE_URL: 'postgres://u@h/d', REDIS_URL: 'redis://h:6379', JWT_SECRET: 'x'.repeat(32), ENCRYPTION_KEY: Buffer.alloc(32).toString('base64') };
    expect(parseConfig({ ...env, S3_PUBLIC_ENDPOINT: 'https://zyntra.example.com/' }).S3_PUBLIC_ENDPOINT).toBe('https://zyntra.example.com/');
    expect(() => parseConfig({ ...env, S3_PUBLIC_ENDPOINT: 'https://zyntra.example.com/s3' })).toThrowError(
      'Invalid configuration: S3_PUBLIC_ENDPOINT must be an origin such as https://zyntra.example.com (no path)',
    );
  });
});
