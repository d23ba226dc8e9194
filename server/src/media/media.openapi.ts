import { z } from 'zod';
import type { RouteDoc } from '../openapi/describe';
import { MAX_MEDIA_BYTES } from './media.policy';
import { messageMediaParams } from './media.schemas';

// upload-body.ts reads the multipart field `file`; a raw body with its content-type and x-file-name works too.
const upload = z.object({
  file: z.string().meta({ contentMediaType: 'application/octet-stream' }).describe(
    `The file, up to ${MAX_MEDIA_BYTES / 1024 / 1024} MiB (413 over it): images, audio, video, PDF, text, CSV, zip, RTF or Office documents (415 otherwise)`,
  ),
});

export const mediaDocs: RouteDoc[] = [
  {
    method: 'get', path: '/v1/conversations/:id/messages/:messageId/media', tag: 'Media', params: messageMediaParams,
    summary: "A short-lived URL for a message's file: 409 (`error.status` \"pending\") while it is still being downloaded from the provider, "
      + '404 (`error.status` "failed", with `error.reason`) when it could not be',
    // media.service.ts openMessageMedia; answered with Cache-Control: no-store (the URL is a credential while it lasts).
    response: z.object({
      url: z.string().describe('Signed: opens the file without a token until expiresAt'),
      mimeType: z.string(), expiresAt: z.iso.datetime(),
    }),
  },
  {
    method: 'post', path: '/v1/media', tag: 'Media', summary: 'Upload an attachment (multipart `file`, or a raw body with x-file-name)', status: 201,
    contentType: 'multipart/form-data', body: upload,
    response: z.object({ id: z.uuid().describe('What a reply takes as mediaId'), mime: z.string(), fileName: z.string(), size: z.int(), createdAt: z.iso.datetime() }),
  },
];
