import type { RouteDoc } from '../openapi/describe';
import { messageMediaParams } from './media.schemas';

export const mediaDocs: RouteDoc[] = [
  { method: 'get', path: '/v1/conversations/:id/messages/:messageId/media', tag: 'Media', summary: "A short-lived URL for a message's file", params: messageMediaParams },
  { method: 'post', path: '/v1/media', tag: 'Media', summary: 'Upload an attachment (multipart `file`, or a raw body with x-file-name)', status: 201, contentType: 'multipart/form-data' },
];
