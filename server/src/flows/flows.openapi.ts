import { z } from 'zod';
import { LOCALES } from '@zyntra/flows-schema';
import type { RouteDoc } from '../openapi/describe';
import { params as analyticsParams, query as analyticsQuery } from './flow-analytics.routes';
import { createFlowBody, importFlowBody, renameFlowBody, revisionGuardBody, saveFlowBody } from './flows.schemas';

const id = z.object({ id: z.uuid() });
const version = z.object({ id: z.uuid(), versionId: z.uuid() });
const tag = 'Flows';
const time = z.iso.datetime();

/** flows.view.ts toFlowView: the flow with its draft and what is wrong with it. */
const flowView = z.object({
  id: z.uuid(), name: z.string(),
  document: z.object({}).loose().describe('The draft flow document (GET /v1/flows/schema.json); secrets masked'),
  status: z.enum(['draft', 'published']), revision: z.int().describe('Send as baseRevision to save or publish only this draft'),
  publishedVersion: z.int().nullable(), publishedVersionId: z.uuid().nullable(), hasUnpublishedChanges: z.boolean(),
  problems: z.array(z.object({
    code: z.string(), severity: z.enum(['error', 'warning']), nodeId: z.string().optional(), edgeId: z.string().optional(), path: z.string(),
    message: z.object(Object.fromEntries(LOCALES.map((l) => [l, z.string()]))),
  }).loose()),
  createdAt: time, updatedAt: time,
}).loose();

/** flows.view.ts toVersionView. */
const versionView = z.object({
  id: z.uuid(), version: z.int(), createdAt: time, publishedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
}).loose();

export const flowsDocs: RouteDoc[] = [
  { method: 'get', path: '/v1/flows/schema.json', tag, summary: 'JSON Schema of the flow document', public: true },
  { method: 'post', path: '/v1/flows', tag, summary: 'Create a flow (draft)', body: createFlowBody, status: 201 },
  { method: 'get', path: '/v1/flows', tag, summary: 'List flows' },
  { method: 'post', path: '/v1/flows/import', tag, summary: 'Import a flow document', body: importFlowBody, status: 201 },
  { method: 'get', path: '/v1/flows/:id', tag, summary: 'One flow with its draft', params: id, response: flowView },
  { method: 'put', path: '/v1/flows/:id', tag, summary: 'Save the draft (409 when baseRevision is stale)', params: id, body: saveFlowBody },
  { method: 'patch', path: '/v1/flows/:id', tag, summary: 'Rename', params: id, body: renameFlowBody },
  { method: 'delete', path: '/v1/flows/:id', tag, summary: 'Delete', params: id, status: 204 },
  { method: 'post', path: '/v1/flows/:id/duplicate', tag, summary: 'Duplicate', params: id, status: 201 },
  { method: 'post', path: '/v1/flows/:id/publish', tag, summary: 'Publish the draft (422 with problems when invalid)', params: id, body: revisionGuardBody, status: 201,
    response: z.object({ version: versionView, unchanged: z.boolean().describe('The draft was the live version already: nothing new was published') }) },
  { method: 'get', path: '/v1/flows/:id/versions', tag, summary: 'Published versions', params: id },
  { method: 'get', path: '/v1/flows/:id/versions/:versionId', tag, summary: 'One published version', params: version },
  { method: 'post', path: '/v1/flows/:id/versions/:versionId/restore', tag, summary: 'Restore a version into the draft', params: version, body: revisionGuardBody },
  { method: 'get', path: '/v1/flows/:id/export', tag, summary: 'The flow document', params: id },
  { method: 'get', path: '/v1/flows/:id/analytics', tag, summary: 'Drop-off per step', params: analyticsParams, query: analyticsQuery },
  { method: 'post', path: '/v1/flows/:id/test', tag, summary: 'Start a test chat with the draft', params: id, status: 201 },
];
