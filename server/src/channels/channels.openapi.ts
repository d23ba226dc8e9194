import type { RouteDoc } from '../openapi/describe';
import { channelIdParam, createChannelBody, rejectedEventsQuery } from './channels.schemas';

export const channelsDocs: RouteDoc[] = [
  { method: 'post', path: '/v1/channels', tag: 'Channels', summary: 'Connect a channel', body: createChannelBody, status: 201 },
  { method: 'get', path: '/v1/channels', tag: 'Channels', summary: 'List channels' },
  { method: 'get', path: '/v1/channels/:id', tag: 'Channels', summary: 'One channel', params: channelIdParam },
  { method: 'get', path: '/v1/channels/:id/rejected-events', tag: 'Channels', summary: 'Provider events that were refused', params: channelIdParam, query: rejectedEventsQuery },
];
