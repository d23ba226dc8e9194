import type { RouteDoc } from '../openapi/describe';
import { idParam } from '../conversations/conversations.schemas';
import { updateContactBody } from './contacts.schemas';

export const contactsDocs: RouteDoc[] = [
  { method: 'get', path: '/v1/contacts/:id', tag: 'Contacts', summary: 'One contact', params: idParam },
  { method: 'patch', path: '/v1/contacts/:id', tag: 'Contacts', summary: 'Change name, tags or attributes', params: idParam, body: updateContactBody },
];
