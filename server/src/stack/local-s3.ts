// An S3-protocol server (s3rver) for `npm start` without S3_ENDPOINT and for tests. The app talks
// to it through @aws-sdk/client-s3 exactly as it talks to MinIO or AWS in production.
import S3rver from 's3rver';
import { mkdirSync } from 'node:fs';

export type LocalS3 = { endpoint: string; accessKeyId: string; secretAccessKey: string; stop: () => Promise<void> };

export async function startLocalS3(opts: { dataDir: string; port: number; bucket: string }): Promise<LocalS3> {
  mkdirSync(opts.dataDir, { recursive: true });
  const server = new S3rver({
    port: opts.port,
    address: '127.0.0.1',
    directory: opts.dataDir,
    silent: true,
    configureBuckets: [{ name: opts.bucket, configs: [] }],
  });
  await server.run();
  return {
    endpoint: `http://127.0.0.1:${opts.port}`,
    // s3rver accepts this fixed key pair.
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    stop: () => server.close(),
  };
}
