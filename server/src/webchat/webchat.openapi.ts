import { z } from 'zod';
import type { RouteDoc } from '../openapi/describe';
import { channelParam, startSessionBody, visitorMessageBody, visitorTypingBody } from './webchat.schemas';

const tag = 'Web chat (visitor API)';

// What webchat.service.ts answers the widget (documentation only).
const appearance = z.object({
  language: z.enum(['pt-BR', 'en']), color: z.string().describe('The accent colour, #rrggbb'),
  title: z.string().nullable().describe("The header's title; null: the widget's own"),
});

const visitorSession = z.object({
  token: z.string().describe('The visitor token: `Authorization: Bearer <token>` on the calls below'),
  visitorToken: z.string().describe('The same token, under its earlier name').meta({ deprecated: true }),
  visitorId: z.uuid(),
  resumeSecret: z.string().describe("Kept by the browser: with visitorId, it resumes this visitor's chat later"),
  resumed: z.boolean().describe('The visitorId and resumeSecret sent matched: the same visitor, their chat goes on'),
});

const history = z.object({
  closed: z.boolean().describe('The chat was closed since; writing again reopens it'),
  items: z.array(z.object({
    id: z.uuid(), direction: z.enum(['in', 'out']), author: z.enum(['contact', 'bot', 'agent', 'system']),
    authorName: z.string().nullable().describe("The agent's name on their messages; null otherwise"),
    text: z.string().nullable(),
    payload: z.record(z.string(), z.unknown()).describe("The stored content (docs/message-content.md); a file's media.url is a link the browser can open"),
    createdAt: z.iso.datetime(),
  })).describe("The latest 100 messages of the visitor's latest chat, oldest first, without agents' internal notes or failed sends"),
});

export const webchatDocs: RouteDoc[] = [
  { method: 'get', path: '/v1/webchat/:channelId/appearance', tag, summary: "The widget's look", params: channelParam, public: true, response: appearance },
  // The route reads a missing body as {}.
  { method: 'post', path: '/v1/webchat/:channelId/sessions', tag, summary: "Start or resume a visitor's chat", params: channelParam, body: startSessionBody.optional(), status: 201, public: true,
    response: visitorSession },
  { method: 'post', path: '/v1/webchat/:channelId/messages', tag, summary: 'Send a visitor message (visitor token)', params: channelParam, body: visitorMessageBody, status: 202, visitor: true,
    response: z.object({
      id: z.string().describe("The message's event id (`wc:<visitorId>:<clientMessageId or a new id>`)"),
      duplicate: z.boolean().describe('Nothing new was stored: a retry with the same clientMessageId (the first one stands)'),
    }) },
  { method: 'post', path: '/v1/webchat/:channelId/typing', tag, summary: 'Visitor typing (visitor token)', params: channelParam, body: visitorTypingBody, status: 204, visitor: true },
  { method: 'get', path: '/v1/webchat/:channelId/messages', tag, summary: "The visitor's history (visitor token)", params: channelParam, response: history, visitor: true },
];
