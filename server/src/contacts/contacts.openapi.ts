import { z } from 'zod';
import type { RouteDoc } from '../openapi/describe';
import { CONVERSATION_STATUSES, idParam } from '../conversations/conversations.schemas';
import { contactFilterBody } from './contact-filters';
import { attributeNameParam, contactSettingsBody, createContactBody, importParam, importQuery, listContactsQuery, renameAttributeBody, updateContactBody } from './contacts.schemas';
import { MAX_ROWS } from './import-lines';

const tag = 'Contacts';
const time = z.iso.datetime();

// The rules of contacts.routes.ts (csvBody) and import-lines.ts, for whoever writes the file.
const csv = z.string().describe([
  `A CSV file of at most 10 MB and ${MAX_ROWS} rows (also accepted as text/plain or application/csv), in UTF-8, UTF-16 or Windows-1252;`,
  'fields separated by `,`, `;` or a tab (the header row decides). The header row names the columns: `phone` is required',
  '(also `telefone`, `celular`, `whatsapp`); `name` (or `nome`) and `tags` (or `etiquetas`, several separated by `;`) are read as such;',
  'any other column becomes a contact attribute: of that name when it is one (letters of any script, digits, `_ . -`, up to 64),',
  'else with each run of spaces or other characters made one `_` (`Data de nascimento` fills `Data_de_nascimento`), as',
  '`attributeColumns` reports. Numbers without a country code',
  "belong to the workspace's default country. The header is checked at once (400); a line that cannot be read is reported",
  'with its line number in the import, and the others are imported.',
].join(' '));
/** contact-filters.ts view: a saved audience, matched by search text and tags. */
const contactFilter = z.object({
  id: z.uuid(), name: z.string(), q: z.string().nullable().describe('Search text; null when the filter is by tags only'), tags: z.array(z.string()), createdAt: time,
}).loose();

const importChannel = importQuery.extend({
  channelId: importQuery.shape.channelId.describe("The channel the contacts belong to; by default the workspace's oldest WhatsApp channel"),
});

/** contacts.service.ts contactView. */
const contact = z.object({
  id: z.uuid(), channelId: z.uuid(), externalId: z.string(), name: z.string().nullable(), phone: z.string().nullable(),
  tags: z.array(z.string()), attributes: z.record(z.string(), z.unknown()),
  optedOut: z.boolean(), optedOutAt: time.nullable(), optedOutVia: z.string().nullable(), optedInAt: time.nullable(), optedInVia: z.string().nullable(),
  createdAt: time,
}).loose();

const attributeColumns = z.array(z.object({
  column: z.string().describe('The header cell as written'), attribute: z.string().describe('The attribute it fills'),
})).describe('Each column that fills an attribute, with the attribute\'s name: "Data de nascimento" fills "Data_de_nascimento"');

/** contact-imports.service.ts importView. */
const contactImport = z.object({
  id: z.uuid(), channelId: z.uuid(), status: z.enum(['queued', 'running', 'completed', 'failed']),
  total: z.int(), processed: z.int(), created: z.int(), updated: z.int(), rejected: z.int(),
  merged: z.int().describe("Lines repeating an earlier line's phone, merged into that line's contact (each reported in errors as duplicate_phone)"),
  errors: z.array(z.object({ line: z.int(), code: z.string(), message: z.string(), value: z.string().optional() }).loose())
    .describe('The rejected lines and the repeated phones (duplicate_phone, value: the earlier line), the first 1000, with a code and an English message'),
  failure: z.string().nullable().describe('Why the whole import failed, when it did'),
  createdAt: time, finishedAt: time.nullable(), attributeColumns,
}).loose();

/** contacts-export.ts exportContactsCsv: the import's own columns, so an edited export imports again. */
const exportCsv = z.string().regex(/^\uFEFFphone,name,tags,/).describe([
  'UTF-8 with a byte order mark, lines ending in CRLF. Columns: `phone`, `name`, `tags` (separated by `;`), one column per contact',
  'attribute, then `opted_out` (`yes` or empty) and `created_at` (ISO 8601).',
].join(' '));

/** contacts-privacy.service.ts exportContactData: everything held about the person (LGPD). */
const contactData = z.object({
  exportedAt: time, contact,
  conversations: z.array(z.object({
    id: z.uuid(), channelId: z.uuid(), status: z.enum(CONVERSATION_STATUSES), createdAt: time,
    messages: z.array(z.object({
      id: z.uuid(), direction: z.enum(['in', 'out']), author: z.enum(['contact', 'bot', 'agent', 'system']), type: z.string(), text: z.string().nullable(),
      status: z.string(), createdAt: time,
    })).describe('Oldest first'),
  })).describe('Oldest first; at most 50,000 messages in all'),
});

const download = (name: string) => z.object({ 'Content-Disposition': z.string().describe(`attachment; filename="${name}"`) });
const contactSettings = z.object({ defaultCountry: z.string().describe('ISO 3166-1 alpha-2 (BR by default): the country of numbers written without a country code') });

export const contactsDocs: RouteDoc[] = [
  { method: 'get', path: '/v1/contacts', tag, summary: 'List and search contacts (name, phone, tag, opt-out)', query: listContactsQuery,
    response: z.object({ items: z.array(contact), nextCursor: z.string().nullable() }) },
  { method: 'post', path: '/v1/contacts', tag, status: 201, body: createContactBody, response: contact,
    summary: 'Add one contact by its phone (read as the CSV import reads it). A number the channel already has: 409 conflict with `error.contactId`, to PATCH instead' },
  { method: 'get', path: '/v1/contacts/tags', tag, summary: "The workspace's tags, most used first (at most 500)",
    response: z.object({ items: z.array(z.object({ tag: z.string(), contacts: z.int().describe('How many contacts have it') })) }) },
  { method: 'get', path: '/v1/contacts/attributes', tag, summary: "The workspace's contact attribute names (an import's extra columns), most used first (at most 500): the fields a template can fill in as {{name}} and a flow reads as {{contact.<name>}} or a condition's contact.<name>",
    response: z.object({ items: z.array(z.object({ key: z.string(), contacts: z.int().describe('How many contacts have it') })) }) },
  { method: 'get', path: '/v1/contacts/attributes/usage', tag, summary: "The workspace's contact fields (attribute names, one whatever its letter case, in the workspace's spelling) with how many contacts have a value and the flows that read or set each (a draft or the published version)",
    response: z.object({ items: z.array(z.object({ key: z.string(), contacts: z.int(), flows: z.array(z.object({ id: z.uuid(), name: z.string() })) })) }) },
  { method: 'post', path: '/v1/contacts/attributes/rename', tag, body: renameAttributeBody,
    summary: "Rename a contact field on every contact at once: its letter case only, or a new name. Into a field that exists, a contact holding both keeps the value it has under `to` (`merged` counts them). The workspace's spelling becomes `to`. Flows reading the old name are not changed. 404 when no contact or spelling has `from`",
    response: z.object({ from: z.string(), to: z.string(), contacts: z.int().describe('Contacts whose value moved'), merged: z.int().describe('Of them, those that had both names: their value of `from` was dropped') }) },
  { method: 'delete', path: '/v1/contacts/attributes/:name', tag, params: attributeNameParam, summary: 'Delete a contact field (any letter case) from every contact, and its spelling',
    response: z.object({ name: z.string(), contacts: z.int().describe('Contacts that lost their value') }) },
  { method: 'get', path: '/v1/contacts/export', tag, summary: 'Export the (filtered) contacts as CSV', query: listContactsQuery,
    responseType: 'text/csv', response: exportCsv, responseHeaders: download('contacts-<YYYY-MM-DD>.csv') },
  { method: 'post', path: '/v1/contacts/import', tag, summary: 'Import a CSV (header row; phone required) in the background', query: importChannel, contentType: 'text/csv', body: csv, status: 202,
    response: z.object({ id: z.uuid().describe('Follow it at GET /v1/contacts/imports/{importId}'), attributeColumns }) },
  { method: 'get', path: '/v1/contacts/imports/:importId', tag, summary: "An import's progress and its line-numbered report", params: importParam, response: contactImport },
  { method: 'get', path: '/v1/contacts/:id', tag, summary: 'One contact', params: idParam, response: contact },
  { method: 'patch', path: '/v1/contacts/:id', tag, summary: 'Change name, tags or attributes, or record an opt-out or opt-in by hand (optedOut, source "agent")', params: idParam, body: updateContactBody, response: contact },
  { method: 'get', path: '/v1/contacts/:id/data', tag, summary: 'Everything held about the person (LGPD export)', params: idParam,
    response: contactData, responseHeaders: download('contact-<id>.json') },
  { method: 'delete', path: '/v1/contacts/:id', tag, summary: 'Erase the person (messages anonymized, conversations kept)', params: idParam, status: 204 },
  { method: 'get', path: '/v1/contact-filters', tag, summary: 'Saved contact filters (name, search text, tags)', response: z.object({ items: z.array(contactFilter) }) },
  { method: 'post', path: '/v1/contact-filters', tag, summary: 'Save a contact filter (a campaign audience can name it)', body: contactFilterBody, status: 201, response: contactFilter },
  { method: 'delete', path: '/v1/contact-filters/:id', tag, summary: 'Delete a saved filter (campaigns already started keep their recipients)', params: idParam, status: 204 },
  { method: 'get', path: '/v1/settings/contacts', tag, summary: "The workspace's contact settings (default country)", response: contactSettings },
  { method: 'put', path: '/v1/settings/contacts', tag, summary: 'Change the default country', body: contactSettingsBody, response: contactSettings },
];
