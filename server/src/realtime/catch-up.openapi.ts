import { z } from 'zod';
import type { RouteDoc } from '../openapi/describe';
import { query } from './catch-up.routes';

// catch-up.service.ts: each event is pushed-events.ts browserEvent, its payload spread beside these.
const event = z.object({ id: z.int().describe('Increasing per workspace'), type: z.string(), at: z.iso.datetime() }).loose();
const page = z.object({
  items: z.array(event),
  nextAfter: z.int().describe('The `after` of the next call (without `after`: the latest event id, where to start)'),
  hasMore: z.boolean(),
});

export const catchUpDocs: RouteDoc[] = [
  { method: 'get', path: '/v1/events', tag: 'Events', summary: "The workspace's domain events after an id (catch-up)", query, response: page },
];
