// GET /v1/openapi.json, public: what an integrator's tooling reads. Built once per process.
import { Router } from 'express';
import { allow } from '../http/access';
import { buildOpenApiDocument } from './document';

export function openApiRoutes(): Router {
  const r = Router();
  let doc: ReturnType<typeof buildOpenApiDocument> | undefined;
  r.get('/v1/openapi.json', allow('public'), (_req, res) => {
    doc ??= buildOpenApiDocument();
    res.set('cache-control', 'public, max-age=300').json(doc);
  });
  return r;
}
