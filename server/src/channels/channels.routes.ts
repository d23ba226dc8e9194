import { Router, type RequestHandler } from 'express';
import { authOf } from '../http/auth';
import { parse, pathParams } from '../http/validate';
import * as admin from './channel-admin.service';
import { channelIdParam, createChannelBody, rejectedEventsQuery, updateChannelBody } from './channels.schemas';
import * as channels from './channels.service';
import { listRejectedEvents } from './rejections.service';
import { allow } from '../http/access';

export function channelsRoutes(deps: channels.ChannelsDeps, requireAuth: RequestHandler): Router {
  const r = Router();
  r.use('/v1/channels', requireAuth);
  r.post('/v1/channels', allow('admin'), async (req, res) => {
    res.status(201).json(await channels.createChannel(deps, authOf(req), parse(createChannelBody, req.body)));
  });
  r.get('/v1/channels', allow('member'), async (req, res) => {
    res.json({ items: await channels.listChannels(deps, authOf(req).tenantId) });
  });
  r.get('/v1/channels/:id', allow('member'), async (req, res) => {
    res.json(await channels.getChannel(deps, authOf(req).tenantId, pathParams(channelIdParam, req.params).id));
  });
  r.patch('/v1/channels/:id', allow('admin'), async (req, res) => {
    res.json(await admin.updateChannel(deps, authOf(req), pathParams(channelIdParam, req.params).id, parse(updateChannelBody, req.body)));
  });
  r.delete('/v1/channels/:id', allow('admin'), async (req, res) => {
    await admin.deleteChannel(deps, authOf(req), pathParams(channelIdParam, req.params).id);
    res.status(204).end();
  });
  r.post('/v1/channels/:id/test', allow('admin'), async (req, res) => {
    res.json(await admin.testChannel(deps, authOf(req), pathParams(channelIdParam, req.params).id));
  });
  r.post('/v1/channels/:id/disable', allow('admin'), async (req, res) => {
    res.json(await admin.setChannelEnabled(deps, authOf(req), pathParams(channelIdParam, req.params).id, false));
  });
  r.post('/v1/channels/:id/enable', allow('admin'), async (req, res) => {
    res.json(await admin.setChannelEnabled(deps, authOf(req), pathParams(channelIdParam, req.params).id, true));
  });
  r.get('/v1/channels/:id/rejected-events', allow('admin'), async (req, res) => {
    const { id } = pathParams(channelIdParam, req.params);
    res.json(await listRejectedEvents(deps, authOf(req).tenantId, id, parse(rejectedEventsQuery, req.query)));
  });
  return r;
}
