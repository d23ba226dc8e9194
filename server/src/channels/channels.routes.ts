import { Router, type RequestHandler } from 'express';
import { authOf } from '../http/auth';
import { parse } from '../http/validate';
import { channelIdParam, createChannelBody, rejectedEventsQuery } from './channels.schemas';
import * as channels from './channels.service';
import { listRejectedEvents } from './rejections.service';
import { allow } from '../http/access';

export function channelsRoutes(deps: channels.ChannelsDeps, requireAuth: RequestHandler): Router {
  const r = Router();
  r.use('/v1/channels', requireAuth);
  r.post('/v1/channels', allow('admin'), async (req, res) => {
    res.status(201).json(await channels.createChannel(deps, authOf(req).tenantId, parse(createChannelBody, req.body)));
  });
  r.get('/v1/channels', allow('member'), async (req, res) => {
    res.json({ items: await channels.listChannels(deps, authOf(req).tenantId) });
  });
  r.get('/v1/channels/:id', allow('member'), async (req, res) => {
    res.json(await channels.getChannel(deps, authOf(req).tenantId, parse(channelIdParam, req.params).id));
  });
  r.get('/v1/channels/:id/rejected-events', allow('admin'), async (req, res) => {
    const { id } = parse(channelIdParam, req.params);
    res.json(await listRejectedEvents(deps, authOf(req).tenantId, id, parse(rejectedEventsQuery, req.query)));
  });
  return r;
}
