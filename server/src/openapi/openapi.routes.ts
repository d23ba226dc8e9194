// GET /v1/openapi.json, public: what an integrator's tooling reads. Built once per process, on the
// first request: the roles each route admits are read from the app's own routers (their allow()).
import { Router } from 'express';
import { allow } from '../http/access';
import { listRoutes } from '../http/route-table';
import { openApiPath } from './describe';
import { buildOpenApiDocument } from './document';

/** publicUrl: config PUBLIC_URL, the base the document's `servers` names. */
export function openApiRoutes(opts: { publicUrl?: string } = {}): Router {
  const r = Router();
  let doc: ReturnType<typeof buildOpenApiDocument> | undefined;
  r.get('/v1/openapi.json', allow('public'), (req, res) => {
    if (!doc) {
      const access = new Map(listRoutes(req.app).map((route) => [`${route.method} ${openApiPath(route.path)}`, route.access]));
      doc = buildOpenApiDocument({ publicUrl: opts.publicUrl, accessOf: (method, path) => access.get(`${method} ${path}`) });
    }
    res.set('cache-control', 'public, max-age=300').json(doc);
  });
  return r;
}
