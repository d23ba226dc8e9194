import type { RouteDoc } from '../openapi/describe';
import { idParam } from '../conversations/conversations.schemas';
import { contactFilterBody } from './contact-filters';
import { contactSettingsBody, importParam, importQuery, listContactsQuery, updateContactBody } from './contacts.schemas';

const tag = 'Contacts';

export const contactsDocs: RouteDoc[] = [
  { method: 'get', path: '/v1/contacts', tag, summary: 'List and search contacts (name, phone, tag, opt-out)', query: listContactsQuery },
  { method: 'get', path: '/v1/contacts/export', tag, summary: 'Export the (filtered) contacts as CSV', query: listContactsQuery },
  { method: 'post', path: '/v1/contacts/import', tag, summary: 'Import a CSV (header row; phone required) in the background', query: importQuery, contentType: 'text/csv', status: 202 },
  { method: 'get', path: '/v1/contacts/imports/:importId', tag, summary: "An import's progress and its line-numbered report", params: importParam },
  { method: 'get', path: '/v1/contacts/:id', tag, summary: 'One contact', params: idParam },
  { method: 'patch', path: '/v1/contacts/:id', tag, summary: 'Change name, tags or attributes', params: idParam, body: updateContactBody },
  { method: 'get', path: '/v1/contacts/:id/data', tag, summary: 'Everything held about the person (LGPD export)', params: idParam },
  { method: 'delete', path: '/v1/contacts/:id', tag, summary: 'Erase the person (messages anonymized, conversations kept)', params: idParam, status: 204 },
  { method: 'get', path: '/v1/contact-filters', tag, summary: 'Saved contact filters (name, search text, tags)' },
  { method: 'post', path: '/v1/contact-filters', tag, summary: 'Save a contact filter (a campaign audience can name it)', body: contactFilterBody, status: 201 },
  { method: 'delete', path: '/v1/contact-filters/:id', tag, summary: 'Delete a saved filter (campaigns already started keep their recipients)', params: idParam, status: 204 },
  { method: 'get', path: '/v1/settings/contacts', tag, summary: "The workspace's contact settings (default country)" },
  { method: 'put', path: '/v1/settings/contacts', tag, summary: 'Change the default country', body: contactSettingsBody },
];
