// /v1/campaigns per ../shared/API.md "Campaigns (broadcasts)". Every route: owner, admin or marketer.
import { Router, type RequestHandler } from 'express';
import type { Knex } from 'knex';
import { authOf } from '../http/auth';
import { allow } from '../http/access';
import { parse, pathParams } from '../http/validate';
import { idParam, messageParams } from '../conversations/conversations.schemas';
import type { Queues } from '../queues/queues';
import { kickCampaign } from './campaign.worker';
import { campaignAudience, previewAudience } from './audience';
import { audiencePreviewBody, createCampaignBody, recipientsQuery, testSendBody } from './campaigns.schemas';
import { sendTest } from './test-send';
import { testSendStatus } from './test-send-status';
import * as campaigns from './campaigns.service';

export function campaignsRoutes(deps: { db: Knex; queues: Queues }, requireAuth: RequestHandler): Router {
  const r = Router();
  const kick: campaigns.Kick = (tenantId, id, delayMs) => kickCampaign(deps.queues, tenantId, id, delayMs);
  const who = (req: Parameters<RequestHandler>[0]) => {
    const auth = authOf(req);
    campaigns.assertCanManage(auth);
    return auth;
  };
  r.use('/v1/campaigns', requireAuth);
  r.get('/v1/campaigns', allow('marketing'), async (req, res) => {
    res.json(await campaigns.listCampaigns(deps.db, who(req)));
  });
  r.post('/v1/campaigns', allow('marketing'), async (req, res) => {
    res.status(201).json(await campaigns.createCampaign(deps.db, who(req), parse(createCampaignBody, req.body), kick));
  });
  r.post('/v1/campaigns/audience', allow('marketing'), async (req, res) => {
    res.json(await previewAudience(deps.db, who(req).tenantId, parse(audiencePreviewBody, req.body)));
  });
  r.get('/v1/campaigns/:id/audience', allow('marketing'), async (req, res) => {
    res.json(await campaignAudience(deps.db, who(req).tenantId, pathParams(idParam, req.params).id));
  });
  r.get('/v1/campaigns/:id', allow('marketing'), async (req, res) => {
    res.json(await campaigns.getCampaign(deps.db, who(req), pathParams(idParam, req.params).id));
  });
  r.get('/v1/campaigns/:id/recipients', allow('marketing'), async (req, res) => {
    res.json(await campaigns.listRecipients(deps.db, who(req), pathParams(idParam, req.params).id, parse(recipientsQuery, req.query)));
  });
  r.post('/v1/campaigns/:id/test', allow('marketing'), async (req, res) => {
    // The body is read after the campaign is found: another workspace's id is a 404 whatever it sends.
    res.status(201).json(await sendTest(deps, who(req), pathParams(idParam, req.params).id, () => parse(testSendBody, req.body).phone));
  });
  r.get('/v1/campaigns/:id/test/:messageId', allow('marketing'), async (req, res) => {
    const { id, messageId } = pathParams(messageParams, req.params);
    res.json(await testSendStatus(deps.db, who(req), id, messageId));
  });
  const transitions = {
    start: (a: campaigns.Auth, id: string) => campaigns.startCampaign(deps.db, a, id, kick),
    pause: (a: campaigns.Auth, id: string) => campaigns.pauseCampaign(deps.db, a, id),
    resume: (a: campaigns.Auth, id: string) => campaigns.resumeCampaign(deps.db, a, id, kick),
    cancel: (a: campaigns.Auth, id: string) => campaigns.cancelCampaign(deps.db, a, id),
  };
  for (const [name, run] of Object.entries(transitions)) {
    r.post(`/v1/campaigns/:id/${name}`, allow('marketing'), async (req, res) => {
      res.json(await run(who(req), pathParams(idParam, req.params).id));
    });
  }
  return r;
}
