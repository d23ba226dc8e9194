import type { RouteDoc } from '../openapi/describe';
import { idParam, listConversationsQuery, messageParams, pageQuery } from './conversations.schemas';

export const conversationsDocs: RouteDoc[] = [
  { method: 'get', path: '/v1/conversations', tag: 'Conversations', summary: 'List conversations (filters, cursor paging)', query: listConversationsQuery },
  { method: 'get', path: '/v1/conversations/counts', tag: 'Conversations', summary: 'Counts per inbox view' },
  { method: 'get', path: '/v1/conversations/:id', tag: 'Conversations', summary: 'One conversation', params: idParam },
  { method: 'get', path: '/v1/conversations/:id/messages', tag: 'Conversations', summary: 'Messages, newest page first', params: idParam, query: pageQuery },
  { method: 'get', path: '/v1/conversations/:id/messages/:messageId', tag: 'Conversations', summary: 'One message', params: messageParams },
  { method: 'get', path: '/v1/conversations/:id/session', tag: 'Conversations', summary: "The bot's current session", params: idParam },
  { method: 'get', path: '/v1/conversations/:id/runlog', tag: 'Conversations', summary: "The bot's run log", params: idParam, query: pageQuery },
];
