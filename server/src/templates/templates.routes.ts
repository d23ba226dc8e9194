// /v1/channels/{id}/templates per ../shared/API.md "WhatsApp templates": the marketers'. Agents read a
// conversation's approved templates at /v1/conversations/{id}/templates (inbox/choices.service.ts).
import { Router, type RequestHandler } from 'express';
import { templateDefinition, templateEdit } from '@zyntra/flows-schema';
import { allow } from '../http/access';
import { authOf } from '../http/auth';
import { parse, pathParams } from '../http/validate';
import { idParam } from '../conversations/conversations.schemas';
import { templateParams } from './templates.schemas';
import { createTemplate, deleteTemplate, editTemplate, listChannelTemplates, syncTemplates, type TemplatesDeps } from './templates.service';

export function templatesRoutes(deps: TemplatesDeps, requireAuth: RequestHandler): Router {
  const r = Router();
  r.get('/v1/channels/:id/templates', requireAuth, allow('marketing'), async (req, res) => {
    res.json(await listChannelTemplates(deps, authOf(req).tenantId, pathParams(idParam, req.params).id));
  });
  r.post('/v1/channels/:id/templates/sync', requireAuth, allow('marketing'), async (req, res) => {
    res.json(await syncTemplates(deps, authOf(req).tenantId, pathParams(idParam, req.params).id));
  });
  r.post('/v1/channels/:id/templates', requireAuth, allow('marketing'), async (req, res) => {
    const channelId = pathParams(idParam, req.params).id;
    res.status(201).json(await createTemplate(deps, authOf(req).tenantId, channelId, parse(templateDefinition, req.body)));
  });
  r.patch('/v1/channels/:id/templates/:templateId', requireAuth, allow('marketing'), async (req, res) => {
    const { id, templateId } = pathParams(templateParams, req.params);
    res.json(await editTemplate(deps, authOf(req), id, templateId, parse(templateEdit, req.body)));
  });
  r.delete('/v1/channels/:id/templates/:templateId', requireAuth, allow('marketing'), async (req, res) => {
    const { id, templateId } = pathParams(templateParams, req.params);
    await deleteTemplate(deps, authOf(req), id, templateId);
    res.status(204).end();
  });
  return r;
}
