import { z } from 'zod';
import { LOCALES } from '@zyntra/flows-schema';
import type { RouteDoc } from '../openapi/describe';
import { params as analyticsParams, query as analyticsQuery } from './flow-analytics.routes';
import { createFlowBody, importFlowBody, renameFlowBody, revisionGuardBody, saveFlowBody, templateProblemsBody } from './flows.schemas';

const id = z.object({ id: z.uuid() });
const version = z.object({ id: z.uuid(), versionId: z.uuid() });
const tag = 'Flows';
const time = z.iso.datetime();

/** flows-schema's Problem: what is wrong, where, in each language. */
const problem = z.object({
  code: z.string(), severity: z.enum(['error', 'warning']), nodeId: z.string().optional(), edgeId: z.string().optional(), path: z.string(),
  message: z.object(Object.fromEntries(LOCALES.map((l) => [l, z.string()]))),
}).loose();

/** flows.view.ts toFlowView: the flow with its draft and what is wrong with it. */
const flowView = z.object({
  id: z.uuid(), name: z.string(),
  document: z.object({}).loose().describe('The draft flow document (GET /v1/flows/schema.json); secrets masked'),
  status: z.enum(['draft', 'published']), revision: z.int().describe('Send as baseRevision to save or publish only this draft'),
  publishedVersion: z.int().nullable(), publishedVersionId: z.uuid().nullable(), hasUnpublishedChanges: z.boolean(),
  problems: z.array(problem),
  createdAt: time, updatedAt: time,
}).loose();

/** flows.view.ts toVersionView. */
const versionView = z.object({
  id: z.uuid(), version: z.int(), createdAt: time, publishedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
}).loose();

/** flows.view.ts toFlowSummary, with flows.service.ts listFlows' count: a flow without its document. */
const flowSummary = z.object({
  id: z.uuid(), name: z.string(), status: z.enum(['draft', 'published']), revision: z.int(),
  publishedVersion: z.int().nullable(), hasUnpublishedChanges: z.boolean(),
  triggerKeywords: z.array(z.string()).describe("The keywords of the draft's trigger"),
  conversationsLast7Days: z.int(),
  createdAt: time, updatedAt: time,
}).loose();

/** flow-analytics.routes.ts flowAnalytics: per step id, how many conversations reached it and how many sessions stopped there. */
const analytics = z.object({
  days: z.int(), since: time,
  nodes: z.record(z.string(), z.object({ reached: z.int(), stoppedHere: z.int() })).describe('Keyed by step id; steps nobody reached are absent'),
});

/** flows.service.ts flowSchema: flows-schema's document as JSON Schema, the form POST /v1/flows/import and PUT /v1/flows/{id} take. */
const flowJsonSchema = z.object({
  $schema: z.literal('https://json-schema.org/draft/2020-12/schema'), type: z.literal('object'),
  properties: z.object({ schemaVersion: z.object({}).loose(), nodes: z.object({}).loose(), edges: z.object({}).loose(), settings: z.object({}).loose() }).loose(),
  required: z.array(z.string()),
}).loose().describe('A JSON Schema (draft 2020-12) document');

/**
 * flows.service.ts exportFlow: the draft, in the current format when it reads as one, secrets masked. An
 * unfinished draft (a step not filled in yet) is saved as it is, and exported so.
 */
const exportedDocument = z.union([
  z.object({
    schemaVersion: z.int(), nodes: z.array(z.object({ id: z.string(), type: z.string() }).loose()),
    edges: z.array(z.object({ id: z.string(), source: z.string(), sourceHandle: z.string(), target: z.string() }).loose()), settings: z.object({}).loose(),
  }).loose().describe('A flow document (GET /v1/flows/schema.json)'),
  z.record(z.string(), z.unknown()).describe('An unfinished draft, as it was saved'),
]);

/** webchat/test-run.service.ts startTestRun: a fresh test chat pinned to a snapshot of the draft. */
const testRun = z.object({
  conversationId: z.uuid(), channelId: z.uuid().describe("The workspace's test-chat (simulator) web-chat channel"),
  visitorId: z.uuid(),
  visitorToken: z.string().describe('The bearer token of the web-chat visitor API on that channel: POST /v1/webchat/{channelId}/messages writes as the tester'),
});

export const flowsDocs: RouteDoc[] = [
  { method: 'get', path: '/v1/flows/schema.json', tag, summary: 'JSON Schema of the flow document', public: true, response: flowJsonSchema },
  { method: 'post', path: '/v1/flows', tag, summary: 'Create a flow (draft)', body: createFlowBody, status: 201, response: flowView },
  { method: 'get', path: '/v1/flows', tag, summary: 'List flows', response: z.object({ items: z.array(flowSummary) }) },
  { method: 'post', path: '/v1/flows/import', tag, summary: 'Import a flow document', body: importFlowBody, status: 201, response: flowView },
  { method: 'get', path: '/v1/flows/:id', tag, summary: 'One flow with its draft', params: id, response: flowView.extend({
    hasAiProvider: z.boolean().describe("Whether ai_reply steps have an AI provider to ask (the workspace's own or the server's); the editor warns on them when not"),
  }) },
  { method: 'put', path: '/v1/flows/:id', tag, summary: 'Save the draft (409 when baseRevision is stale)', params: id, body: saveFlowBody, response: flowView },
  { method: 'patch', path: '/v1/flows/:id', tag, summary: 'Rename', params: id, body: renameFlowBody, response: flowView },
  { method: 'delete', path: '/v1/flows/:id', tag, summary: 'Delete', params: id, status: 204 },
  { method: 'post', path: '/v1/flows/:id/duplicate', tag, summary: 'Duplicate', params: id, status: 201, response: flowView },
  { method: 'post', path: '/v1/flows/:id/publish', tag, summary: 'Publish the draft (422 with problems when invalid)', params: id, body: revisionGuardBody, status: 201,
    response: z.object({ version: versionView, unchanged: z.boolean().describe('The draft was the live version already: nothing new was published') }) },
  { method: 'post', path: '/v1/flows/:id/template-problems', tag, summary: "The send_template steps checked against the workspace's WhatsApp templates (the given document, else the saved draft)",
    params: id, body: templateProblemsBody,
    response: z.object({ problems: z.array(problem).describe('template_missing, template_not_approved, template_body_count, template_header_mismatch, template_button_value; publish refuses the errors') }) },
  { method: 'get', path: '/v1/flows/:id/versions', tag, summary: 'Published versions, newest first', params: id, response: z.object({ items: z.array(versionView) }) },
  { method: 'get', path: '/v1/flows/:id/versions/:versionId', tag, summary: 'One published version', params: version,
    response: versionView.extend({ document: z.object({}).loose().describe('The flow document as published; secrets masked') }) },
  { method: 'post', path: '/v1/flows/:id/versions/:versionId/restore', tag, summary: 'Restore a version into the draft', params: version, body: revisionGuardBody, response: flowView },
  { method: 'get', path: '/v1/flows/:id/export', tag, summary: "The draft's flow document as a download, for POST /v1/flows/import", params: id, response: exportedDocument,
    responseHeaders: z.object({ 'Content-Disposition': z.string().describe('attachment; filename="<flow-name>.zyntra.json"') }) },
  { method: 'get', path: '/v1/flows/:id/analytics', tag, summary: 'Drop-off per step', params: analyticsParams, query: analyticsQuery, response: analytics },
  { method: 'post', path: '/v1/flows/:id/test', tag, summary: 'Start a test chat with the draft (422 with problems when the draft is not a flow yet)', params: id, status: 201, response: testRun },
];
