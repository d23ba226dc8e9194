import type { RouteDoc } from '../openapi/describe';
import { query } from './catch-up.routes';

export const catchUpDocs: RouteDoc[] = [
  { method: 'get', path: '/v1/events', tag: 'Events', summary: "The workspace's domain events after an id (catch-up)", query },
];
