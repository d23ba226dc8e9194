import { Router, type RequestHandler } from 'express';
import type { Knex } from 'knex';
import { authOf } from '../http/auth';
import { pathParams } from '../http/validate';
import type { ObjectStore } from '../storage/object-store';
import { MAX_MEDIA_BYTES } from './media.policy';
import { messageMediaParams } from './media.schemas';
import { openMessageMedia } from './media.service';
import { readUpload } from './upload-body';
import { storeUpload } from './uploads.service';
import { allow } from '../http/access';

export function mediaRoutes(deps: { db: Knex; objects: ObjectStore }, requireAuth: RequestHandler): Router {
  const r = Router();
  // Auth on the route itself, not via the conversations router's prefix, so the order routers are
  // mounted in cannot expose it.
  r.get('/v1/conversations/:id/messages/:messageId/media', requireAuth, allow('inbox'), async (req, res) => {
    const { id, messageId } = pathParams(messageMediaParams, req.params);
    // The signed URL is a bearer credential for a few minutes: keep it out of shared caches.
    res.set('cache-control', 'no-store').json(await openMessageMedia(deps.db, deps.objects, authOf(req).tenantId, id, messageId));
  });
  // An attachment for a reply: multipart field `file`, or a raw body with content-type and x-file-name.
  r.post('/v1/media', requireAuth, allow('member'), async (req, res) => {
    const file = await readUpload(req, MAX_MEDIA_BYTES);
    res.status(201).json(await storeUpload(deps, authOf(req), file));
  });
  return r;
}
