import type { RouteDoc } from '../openapi/describe';
import { idParam } from '../conversations/conversations.schemas';
import { importQuery, listContactsQuery, updateContactBody } from './contacts.schemas';

const tag = 'Contacts';

export const contactsDocs: RouteDoc[] = [
  { method: 'get', path: '/v1/contacts', tag, summary: 'List, search and filter contacts', query: listContactsQuery },
  { method: 'get', path: '/v1/contacts/export', tag, summary: 'Export contacts as CSV', query: listContactsQuery },
  { method: 'post', path: '/v1/contacts/import', tag, summary: 'Import contacts from a CSV (header row, phone required)', query: importQuery, contentType: 'text/csv', status: 202 },
  { method: 'get', path: '/v1/contacts/imports/:id', tag, summary: 'Progress and report of an import', params: idParam },
  { method: 'get', path: '/v1/contacts/:id', tag, summary: 'One contact', params: idParam },
  { method: 'patch', path: '/v1/contacts/:id', tag, summary: 'Change name, tags or attributes', params: idParam, body: updateContactBody },
  { method: 'get', path: '/v1/contacts/:id/data', tag, summary: "Everything stored about a contact (LGPD export)", params: idParam },
  { method: 'delete', path: '/v1/contacts/:id', tag, summary: 'Erase a contact (messages kept, anonymized)', params: idParam, status: 204 },
];
