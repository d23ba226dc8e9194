import { z } from 'zod';
import type { RouteDoc } from '../openapi/describe';
import { idParam } from '../conversations/conversations.schemas';
import { createCannedBody, listCannedQuery, updateCannedBody } from '../canned-responses/canned-responses.schemas';
import { createTeamBody, updateTeamBody } from './teams.schemas';

/** Every route but delete answers one item (or a list of them): the same view. */
const crud = (base: string, tag: string, item: z.ZodType, create: RouteDoc['body'], update: RouteDoc['body'], list: Partial<RouteDoc> = {}): RouteDoc[] => [
  { method: 'get', path: base, tag, summary: `List ${tag.toLowerCase()}`, response: z.object({ items: z.array(item) }), ...list },
  { method: 'post', path: base, tag, summary: 'Create', body: create, status: 201, response: item },
  { method: 'get', path: `${base}/:id`, tag, summary: 'One', params: idParam, response: item },
  { method: 'patch', path: `${base}/:id`, tag, summary: 'Change', params: idParam, body: update, response: item },
  { method: 'delete', path: `${base}/:id`, tag, summary: 'Delete', params: idParam, status: 204 },
];

/** teams.service.ts view. */
const team = z.object({
  id: z.uuid(), name: z.string(), memberIds: z.array(z.uuid()).describe('User ids of its members'), createdAt: z.iso.datetime(),
}).loose();

/** canned-responses.service.ts view. */
const canned = z.object({
  id: z.uuid(), shortcut: z.string().describe('Without the leading /'),
  text: z.string().describe('May hold {{contact.name}}, {{contact.phone}} and {{agent.name}}, filled in by the composer'),
  createdAt: z.iso.datetime(), updatedAt: z.iso.datetime(),
}).loose();

export const teamsDocs: RouteDoc[] = [
  ...crud('/v1/teams', 'Teams', team, createTeamBody, updateTeamBody),
  ...crud('/v1/canned-responses', 'Canned responses', canned, createCannedBody, updateCannedBody, { query: listCannedQuery }),
];
