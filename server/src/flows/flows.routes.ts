import { Router, type Request, type RequestHandler } from 'express';
import { authOf } from '../http/auth';
import { parse, pathParams } from '../http/validate';
import {
  createFlowBody, idParam, importFlowBody, renameFlowBody, revisionGuardBody, saveFlowBody, templateProblemsBody,
} from './flows.schemas';
import * as flows from './flows.service';
import { allow } from '../http/access';

/** A path id that is not a uuid names nothing: 404, like another tenant's id. */
function pathId(req: Request, key: 'id' | 'versionId' = 'id'): string {
  return pathParams(idParam, req.params[key], key === 'id' ? 'Flow' : 'Version');
}

function actorOf(req: Request): flows.Actor {
  const { userId, tenantId } = authOf(req);
  return { userId, tenantId };
}

/** Whether the workspace's ai_reply steps have a provider to ask (its own or the server's). */
export type AiProviderCheck = (tenantId: string) => Promise<boolean>;

export function flowsRoutes(deps: flows.FlowsDeps & { hasAiProvider: AiProviderCheck }, requireAuth: RequestHandler): Router {
  const r = Router();
  // Public and registered first, so neither auth nor `/:id` catches it.
  r.get('/v1/flows/schema.json', allow('public'), (_req, res) => {
    res.set('cache-control', 'public, max-age=300').json(flows.flowSchema());
  });
  r.use('/v1/flows', requireAuth);

  r.post('/v1/flows', allow('marketing'), async (req, res) => {
    res.status(201).json(await flows.createFlow(deps, actorOf(req), parse(createFlowBody, req.body)));
  });
  r.get('/v1/flows', allow('marketing'), async (req, res) => {
    res.json({ items: await flows.listFlows(deps, actorOf(req)) });
  });
  r.post('/v1/flows/import', allow('marketing'), async (req, res) => {
    res.status(201).json(await flows.importFlow(deps, actorOf(req), parse(importFlowBody, req.body)));
  });
  r.get('/v1/flows/:id', allow('marketing'), async (req, res) => {
    const actor = actorOf(req);
    const [flow, hasAiProvider] = await Promise.all([flows.getFlow(deps, actor, pathId(req)), deps.hasAiProvider(actor.tenantId)]);
    res.json({ ...flow, hasAiProvider });
  });
  r.put('/v1/flows/:id', allow('marketing'), async (req, res) => {
    const id = pathId(req);
    res.json(await flows.saveFlow(deps, actorOf(req), id, parse(saveFlowBody, req.body)));
  });
  r.patch('/v1/flows/:id', allow('marketing'), async (req, res) => {
    const id = pathId(req);
    res.json(await flows.renameFlow(deps, actorOf(req), id, parse(renameFlowBody, req.body).name));
  });
  r.delete('/v1/flows/:id', allow('marketing'), async (req, res) => {
    await flows.deleteFlow(deps, actorOf(req), pathId(req));
    res.status(204).end();
  });
  r.post('/v1/flows/:id/duplicate', allow('marketing'), async (req, res) => {
    res.status(201).json(await flows.duplicateFlow(deps, actorOf(req), pathId(req)));
  });
  r.post('/v1/flows/:id/publish', allow('marketing'), async (req, res) => {
    const id = pathId(req);
    const { baseRevision } = parse(revisionGuardBody, req.body);
    const { version, unchanged } = await flows.publishFlow(deps, actorOf(req), id, baseRevision);
    // Nothing changed since the live version: no new version; the live one, flagged `unchanged`,
    // with the contract's 201 all the same (a client that publishes twice gets the shape it expects).
    res.status(201).json({ version, unchanged });
  });
  r.post('/v1/flows/:id/template-problems', allow('marketing'), async (req, res) => {
    const id = pathId(req);
    const { document } = parse(templateProblemsBody, req.body);
    res.json({ problems: await flows.templateProblems(deps, actorOf(req), id, document) });
  });
  r.get('/v1/flows/:id/versions', allow('marketing'), async (req, res) => {
    res.json({ items: await flows.listVersions(deps, actorOf(req), pathId(req)) });
  });
  r.get('/v1/flows/:id/versions/:versionId', allow('marketing'), async (req, res) => {
    res.json(await flows.getVersion(deps, actorOf(req), pathId(req), pathId(req, 'versionId')));
  });
  r.post('/v1/flows/:id/versions/:versionId/restore', allow('marketing'), async (req, res) => {
    const [id, versionId] = [pathId(req), pathId(req, 'versionId')];
    const { baseRevision } = parse(revisionGuardBody, req.body);
    res.json(await flows.restoreVersion(deps, actorOf(req), id, versionId, baseRevision));
  });
  r.get('/v1/flows/:id/export', allow('marketing'), async (req, res) => {
    const { filename, document } = await flows.exportFlow(deps, actorOf(req), pathId(req));
    // The slug is plain ascii, so the quoted form needs no escaping.
    res.set('content-disposition', `attachment; filename="${filename}"`).json(document);
  });
  return r;
}
