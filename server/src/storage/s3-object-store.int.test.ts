// The S3 ObjectStore against the real S3-protocol server the global setup started.
import { inject } from 'vitest';
import { objectStoreConformance } from './object-store-conformance';
import { createStorage } from './s3';
import { createS3ObjectStore } from './s3-object-store';

objectStoreConformance('S3 (s3rver)', async () => {
  const s = inject('services');
  const storage = createStorage({
    S3_ENDPOINT: s.s3Endpoint,
    S3_REGION: 'us-east-1',
    S3_BUCKET: 'zyntra-test',
    S3_ACCESS_KEY_ID: s.s3AccessKeyId,
    S3_SECRET_ACCESS_KEY: s.s3SecretAccessKey,
    S3_FORCE_PATH_STYLE: true,
  });
  return { store: createS3ObjectStore(storage), close: async () => storage.client.destroy() };
});
