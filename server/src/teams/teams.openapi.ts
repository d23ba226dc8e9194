import type { RouteDoc } from '../openapi/describe';
import { idParam } from '../conversations/conversations.schemas';
import { createCannedBody, listCannedQuery, updateCannedBody } from '../canned-responses/canned-responses.schemas';
import { createTeamBody, updateTeamBody } from './teams.schemas';

const crud = (base: string, tag: string, create: RouteDoc['body'], update: RouteDoc['body'], list: Partial<RouteDoc> = {}): RouteDoc[] => [
  { method: 'get', path: base, tag, summary: `List ${tag.toLowerCase()}`, ...list },
  { method: 'post', path: base, tag, summary: 'Create', body: create, status: 201 },
  { method: 'get', path: `${base}/:id`, tag, summary: 'One', params: idParam },
  { method: 'patch', path: `${base}/:id`, tag, summary: 'Change', params: idParam, body: update },
  { method: 'delete', path: `${base}/:id`, tag, summary: 'Delete', params: idParam, status: 204 },
];

export const teamsDocs: RouteDoc[] = [
  ...crud('/v1/teams', 'Teams', createTeamBody, updateTeamBody),
  ...crud('/v1/canned-responses', 'Canned responses', createCannedBody, updateCannedBody, { query: listCannedQuery }),
];
