import type { RouteDoc } from '../openapi/describe';
import { idParam } from '../conversations/conversations.schemas';
import { inboxSettingsSchema } from './inbox-settings.schemas';
import { assignBody, handbackBody, noteBody, replyBody, typingBody } from './inbox.schemas';

const conv = (method: RouteDoc['method'], action: string, summary: string, extra: Partial<RouteDoc> = {}): RouteDoc => ({
  method, path: `/v1/conversations/:id/${action}`, tag: 'Inbox', summary, params: idParam, ...extra,
});

export const inboxDocs: RouteDoc[] = [
  conv('post', 'messages',
    'Send a reply (queued; Idempotency-Key header dedupes retries). Text or a file only inside the 24-hour window (else 422 window_closed); '
    + 'an approved WhatsApp template at any time, its parameter values may use {{contact.name}}-style placeholders '
    + '(422 template_not_found, template_not_approved, template_parameters or templates_unsupported)',
    { body: replyBody, status: 201 }),
  conv('post', 'notes', 'Add an internal note', { body: noteBody, status: 201 }),
  conv('post', 'assign', 'Assign to an agent or a team', { body: assignBody }),
  conv('get', 'handback-flows', 'The published flows this conversation can be handed back to: {items: [{id, name}]}'),
  conv('get', 'templates', "The approved WhatsApp templates of this conversation's channel (none for other channels)"),
  conv('post', 'handback', 'Hand the conversation back to the bot', { body: handbackBody }),
  conv('post', 'close', 'Close'),
  conv('post', 'reopen', 'Reopen'),
  conv('post', 'typing', 'Show or hide the agent typing', { body: typingBody, status: 204 }),
  conv('post', 'read', 'Mark as read'),
  { method: 'get', path: '/v1/settings/inbox', tag: 'Settings', summary: 'Inbox settings' },
  { method: 'put', path: '/v1/settings/inbox', tag: 'Settings', summary: 'Change inbox settings', body: inboxSettingsSchema.partial() },
];
