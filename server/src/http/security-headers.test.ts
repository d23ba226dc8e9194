import { describe, expect, it } from 'vitest';
import { createStorage } from '../storage/s3';
import { createS3ObjectStore } from '../storage/s3-object-store';
import { serversFor } from '../openapi/document';
import { contentSecurityPolicy, mediaOrigins, type SecurityHeadersConfig } from './security-headers';

const base = { S3_BUCKET: 'zyntra-media', S3_REGION: 'sa-east-1', S3_ACCESS_KEY_ID: 'AKIA', S3_SECRET_ACCESS_KEY: 'secret' };

describe('security headers', () => {
  it.each([
    { S3_ENDPOINT: 'http://127.0.0.1:9000', S3_FORCE_PATH_STYLE: true },
    { S3_ENDPOINT: 'https://minio.example.com', S3_FORCE_PATH_STYLE: false },
    { S3_ENDPOINT: undefined, S3_FORCE_PATH_STYLE: false },
    { S3_ENDPOINT: undefined, S3_FORCE_PATH_STYLE: true },
    { S3_ENDPOINT: 'http://minio:9000', S3_PUBLIC_ENDPOINT: 'https://zyntra.example.com', S3_FORCE_PATH_STYLE: true },
  ])('when media links are signed for $S3_ENDPOINT (path style $S3_FORCE_PATH_STYLE), then the CSP allows their origin', async (s3) => {
    const config = { ...base, ...s3 };
    const url = await createS3ObjectStore(createStorage(config)).signedUrl('t/1/m/photo.jpg', 60);
    const csp = contentSecurityPolicy({ ...config, PUBLIC_URL: undefined });
    expect(mediaOrigins(config)).toContain(new URL(url).origin);
    expect(csp['img-src']).toContain(new URL(url).origin);
    expect(csp['media-src']).toContain(new URL(url).origin);
  });

  it('when the public URL is https, then requests are upgraded and its origin and websocket are named; on plain http they are not', () => {
    const config: SecurityHeadersConfig = { S3_BUCKET: 'b', S3_REGION: 'us-east-1', S3_FORCE_PATH_STYLE: true, S3_ENDPOINT: undefined, PUBLIC_URL: undefined };
    const https = contentSecurityPolicy({ ...config, PUBLIC_URL: 'https://chat.example.com' });
    expect(https['upgrade-insecure-requests']).toEqual([]);
    expect(https['connect-src']).toEqual(["'self'", 'https://chat.example.com', 'wss://chat.example.com']);
    const plain = contentSecurityPolicy(config);
    expect(plain['upgrade-insecure-requests']).toBeNull();
    expect(plain['connect-src']).toEqual(["'self'"]);
    expect(plain['frame-ancestors']).toEqual(["'none'"]);
    expect(plain['script-src']).toEqual(["'self'"]);
  });

  it('when PUBLIC_URL is set, then the API reference\'s "Try it" may send to its servers from a page opened at another address', () => {
    const config: SecurityHeadersConfig = { S3_BUCKET: 'b', S3_REGION: 'us-east-1', S3_FORCE_PATH_STYLE: true, S3_ENDPOINT: undefined, PUBLIC_URL: undefined };
    for (const PUBLIC_URL of ['https://chat.doceria.example/zyntra/', 'http://192.168.0.10:3000']) {
      const [server] = serversFor(PUBLIC_URL);
      expect(contentSecurityPolicy({ ...config, PUBLIC_URL })['connect-src']).toContain(new URL(server!.url).origin);
    }
  });
});
