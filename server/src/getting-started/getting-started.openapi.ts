import { z } from 'zod';
import type { RouteDoc } from '../openapi/describe';

/** getting-started.queries.ts: each step is done when what it asks for exists. */
const firstSteps = z.object({
  steps: z.object({
    channel: z.boolean().describe("A channel is connected (the test chat's own does not count)"),
    flow: z.boolean().describe('A flow is published'),
    conversation: z.boolean().describe('A real conversation happened (not in the test chat)'),
    team: z.boolean().describe('A second member, or a pending invitation'),
  }),
  tryChannelId: z.uuid().nullable().describe('An active web-chat channel whose /try/{id} page talks to the bot; null when there is none'),
});

export const gettingStartedDocs: RouteDoc[] = [
  { method: 'get', path: '/v1/getting-started', tag: 'Workspace', summary: "The first steps a new workspace's owners and admins see, and which are done", response: firstSteps },
];
