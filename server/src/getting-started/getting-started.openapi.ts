import type { RouteDoc } from '../openapi/describe';

export const gettingStartedDocs: RouteDoc[] = [
  {
    method: 'get', path: '/v1/getting-started', tag: 'Workspace',
    summary: 'First steps done: {steps: {channel, flow, conversation, team}, tryChannelId} (a channel, a published flow, a real conversation, a second member or pending invitation; a web-chat channel whose /try page talks to the bot, or null)',
  },
];
