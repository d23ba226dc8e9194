// ObjectStore over @aws-sdk/client-s3: the same code path for the local S3-protocol server,
// MinIO and AWS S3. Signing a URL is a local computation (no request), so it cannot fail on a
// store that is down; the GET that uses it will.
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { contentDispositionFor } from './disposition';
import { ObjectNotFoundError, type ObjectStore } from './object-store';
import type { Storage } from './s3';

// AWS caps presigned URLs at 7 days; asking for more gives a URL S3 rejects on use.
const MAX_TTL_SECONDS = 7 * 24 * 3600;

const isNotFound = (err: unknown) => {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
};

export function createS3ObjectStore(storage: Storage): ObjectStore {
  const { client, signer, bucket } = storage;
  return {
    async put(key, bytes, contentType) {
      const disposition = contentDispositionFor(contentType);
      await client.send(
        new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes, ContentType: contentType, ContentLength: bytes.byteLength, ContentDisposition: disposition }),
      );
    },
    async get(key) {
      try {
        const res = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        if (!res.Body) throw new ObjectNotFoundError(key);
        return { bytes: await res.Body.transformToByteArray(), contentType: res.ContentType ?? 'application/octet-stream' };
      } catch (err) {
        if (isNotFound(err)) throw new ObjectNotFoundError(key);
        throw err;
      }
    },
    async signedUrl(key, ttlSeconds, opts = {}) {
      const expiresIn = Math.min(MAX_TTL_SECONDS, Math.max(1, Math.floor(ttlSeconds)));
      const known = opts.contentType !== undefined || !!opts.filename;
      const disposition = known ? contentDispositionFor(opts.contentType, opts.filename) : undefined;
      return getSignedUrl(signer, new GetObjectCommand({ Bucket: bucket, Key: key, ResponseContentDisposition: disposition }), { expiresIn });
    },
    async delete(key) {
      // S3 answers 204 for a missing key too, which is the idempotence the interface promises.
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
  };
}
