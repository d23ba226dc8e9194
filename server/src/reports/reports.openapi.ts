import type { RouteDoc } from '../openapi/describe';
import { responseTimesQuery } from './response-times.schemas';

export const reportsDocs: RouteDoc[] = [
  { method: 'get', path: '/v1/reports/response-times', tag: 'Reports', summary: 'First-response and resolution times', query: responseTimesQuery },
];
