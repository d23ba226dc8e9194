import type { RouteDoc } from '../openapi/describe';
import { channelParam, startSessionBody, visitorMessageBody, visitorTypingBody } from './webchat.schemas';

const tag = 'Web chat (visitor API)';

export const webchatDocs: RouteDoc[] = [
  { method: 'get', path: '/v1/webchat/:channelId/appearance', tag, summary: "The widget's look", params: channelParam, public: true },
  // The route reads a missing body as {}.
  { method: 'post', path: '/v1/webchat/:channelId/sessions', tag, summary: "Start or resume a visitor's chat", params: channelParam, body: startSessionBody.optional(), status: 201, public: true },
  { method: 'post', path: '/v1/webchat/:channelId/messages', tag, summary: 'Send a visitor message (visitor token)', params: channelParam, body: visitorMessageBody, status: 202 },
  { method: 'post', path: '/v1/webchat/:channelId/typing', tag, summary: 'Visitor typing (visitor token)', params: channelParam, body: visitorTypingBody, status: 204 },
  { method: 'get', path: '/v1/webchat/:channelId/messages', tag, summary: "The visitor's history (visitor token)", params: channelParam },
];
