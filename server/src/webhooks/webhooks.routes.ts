// Outbound webhook endpoints per ../shared/API.md "Outbound webhooks"; owners and admins only.
import { Router, type RequestHandler } from 'express';
import { allow } from '../http/access';
import { authOf } from '../http/auth';
import { parse, pathParams } from '../http/validate';
import { WEBHOOK_EVENT_TYPES } from './webhook-events';
import {
  attemptParams, createEndpointBody, deliveriesQuery, endpointIdParam, noticeIdParam, rotateSecretBody, updateEndpointBody,
} from './webhooks.schemas';
import * as hooks from './webhooks.service';

export function webhooksRoutes(deps: hooks.ServiceDeps, requireAuth: RequestHandler): Router {
  const r = Router();
  const base = '/v1/webhook-endpoints';
  // Owners and admins manage a workspace's integrations.
  const guard = [requireAuth, allow('admin')];
  const tenant = (req: Parameters<RequestHandler>[0]) => authOf(req).tenantId;
  const id = (req: Parameters<RequestHandler>[0]) => pathParams(endpointIdParam, req.params).id;
  r.get(base, ...guard, async (req, res) => {
    res.json({ ...(await hooks.listEndpoints(deps, tenant(req))), eventTypes: WEBHOOK_EVENT_TYPES });
  });
  r.post(base, ...guard, async (req, res) => {
    res.status(201).json(await hooks.createEndpoint(deps, authOf(req), parse(createEndpointBody, req.body)));
  });
  r.get(`${base}/:id`, ...guard, async (req, res) => {
    res.json(await hooks.getEndpoint(deps, tenant(req), id(req)));
  });
  r.patch(`${base}/:id`, ...guard, async (req, res) => {
    res.json(await hooks.updateEndpoint(deps, authOf(req), id(req), parse(updateEndpointBody, req.body)));
  });
  r.delete(`${base}/:id`, ...guard, async (req, res) => {
    await hooks.deleteEndpoint(deps, authOf(req), id(req));
    res.status(204).end();
  });
  r.post(`${base}/:id/rotate-secret`, ...guard, async (req, res) => {
    res.json(await hooks.rotateSecret(deps, authOf(req), id(req), parse(rotateSecretBody, req.body)?.overlapHours));
  });
  r.post(`${base}/:id/test`, ...guard, async (req, res) => {
    res.status(202).json(await hooks.sendTestEvent(deps, tenant(req), id(req)));
  });
  r.get(`${base}/:id/deliveries`, ...guard, async (req, res) => {
    res.json(await hooks.listDeliveries(deps, tenant(req), id(req), parse(deliveriesQuery, req.query).limit));
  });
  r.post(`${base}/:id/deliveries/:deliveryId/resend`, ...guard, async (req, res) => {
    const p = pathParams(attemptParams, req.params);
    res.status(202).json(await hooks.resend(deps, tenant(req), p.id, p.deliveryId));
  });
  r.get('/v1/notices', ...guard, async (req, res) => {
    res.json(await hooks.listNotices(deps, tenant(req)));
  });
  r.delete('/v1/notices/:id', ...guard, async (req, res) => {
    await hooks.dismissNotice(deps, tenant(req), pathParams(noticeIdParam, req.params).id);
    res.status(204).end();
  });
  return r;
}
