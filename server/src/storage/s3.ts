// Object storage through @aws-sdk/client-s3: one code path for the local S3-protocol server,
// MinIO and AWS S3.
import { CreateBucketCommand, HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import type { Config } from '../config/env';

/**
 * `client` talks to the store at S3_ENDPOINT (often an internal address such as http://minio:9000).
 * `signer` only signs URLs for browsers and providers: for S3_PUBLIC_ENDPOINT when set, since a
 * SigV4 signature covers the host the URL names. It never sends a request.
 */
export type Storage = { client: S3Client; signer: S3Client; bucket: string };

type S3Config = Pick<
  Config,
  'S3_ENDPOINT' | 'S3_REGION' | 'S3_BUCKET' | 'S3_ACCESS_KEY_ID' | 'S3_SECRET_ACCESS_KEY' | 'S3_FORCE_PATH_STYLE'
> &
  Partial<Pick<Config, 'S3_PUBLIC_ENDPOINT'>>;

function s3Client(config: S3Config, endpoint: string | undefined): S3Client {
  const credentials =
    config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY
      ? { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY }
      : undefined;
  return new S3Client({
    region: config.S3_REGION,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
    ...(endpoint ? { endpoint } : {}),
    ...(credentials ? { credentials } : {}),
  });
}

export function createStorage(config: S3Config): Storage {
  const client = s3Client(config, config.S3_ENDPOINT);
  const signer = config.S3_PUBLIC_ENDPOINT ? s3Client(config, config.S3_PUBLIC_ENDPOINT) : client;
  return { client, signer, bucket: config.S3_BUCKET };
}

export async function ensureBucket(storage: Storage): Promise<void> {
  try {
    await storage.client.send(new HeadBucketCommand({ Bucket: storage.bucket }));
  } catch {
    await storage.client.send(new CreateBucketCommand({ Bucket: storage.bucket }));
  }
}
