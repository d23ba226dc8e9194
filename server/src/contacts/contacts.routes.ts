// /v1/contacts per ../shared/API.md "Contacts": list and search, one contact added or read, edits,
// CSV import and export, the contact fields (attributes) renamed or deleted on every contact, and the LGPD data export and erasure of one contact.
import express, { Router, type RequestHandler } from 'express';
import { decodeText, looksBinary } from '@zyntra/flows-schema';
import type { Knex } from 'knex';
import { authOf } from '../http/auth';
import { AppError } from '../http/app-error';
import { parse, pathParams } from '../http/validate';
import { idParam } from '../conversations/conversations.schemas';
import type { Queues } from '../queues/queues';
import { attributeNameParam, contactSettingsBody, createContactBody, importParam, importQuery, listContactsQuery, renameAttributeBody, updateContactBody } from './contacts.schemas';
import { deleteField, listFields, renameField } from './contact-fields.service';
import { getContactSettings, putContactSettings } from './contact-settings';
import * as contacts from './contacts.service';
import { createImport, getImport } from './contact-imports.service';
import { exportContactsCsv } from './contacts-export';
import { eraseContact, exportContactData } from './contacts-privacy.service';
import type { ObjectStore } from '../storage/object-store';
import { importJobId } from './import-sweep';
import { allow } from '../http/access';
import { contactFilterBody, createFilter, deleteFilter, listFilters } from './contact-filters';

/** The file's bytes: spreadsheets save CSV in UTF-8, UTF-16 or Windows-1252, whatever the header says. */
const csvBody = express.raw({ type: ['text/csv', 'text/plain', 'application/csv'], limit: '10mb' });

function csvText(body: unknown): string {
  if (!Buffer.isBuffer(body)) throw new AppError('unsupported_media_type', 'Send the file as text/csv');
  const { text } = decodeText(body);
  if (looksBinary(text)) throw new AppError('validation_failed', 'This is not a CSV file (a spreadsheet such as .xlsx?): save it as CSV and send that', { reason: 'not_csv' });
  return text;
}

export function contactsRoutes(deps: { db: Knex; queues: Queues; objects: Pick<ObjectStore, 'delete'> }, requireAuth: RequestHandler): Router {
  const r = Router();
  r.get('/v1/contact-filters', requireAuth, allow('member'), async (req, res) => {
    res.json(await listFilters(deps.db, authOf(req).tenantId));
  });
  r.post('/v1/contact-filters', requireAuth, allow('marketing'), async (req, res) => {
    res.status(201).json(await createFilter(deps.db, authOf(req), parse(contactFilterBody, req.body)));
  });
  r.delete('/v1/contact-filters/:id', requireAuth, allow('marketing'), async (req, res) => {
    await deleteFilter(deps.db, authOf(req).tenantId, pathParams(idParam, req.params).id);
    res.status(204).end();
  });
  r.get('/v1/contacts', requireAuth, allow('member'), async (req, res) => {
    const { cursor, ...filter } = parse(listContactsQuery, req.query);
    res.json(await contacts.listContacts(deps.db, authOf(req).tenantId, { ...filter, cursor }));
  });
  // Who may edit a contact may add one (PATCH below).
  r.post('/v1/contacts', requireAuth, allow('marketing'), async (req, res) => {
    res.status(201).json(await contacts.createContact(deps.db, authOf(req), parse(createContactBody, req.body)));
  });
  // Before /:id, which would read "tags" as an id.
  r.get('/v1/contacts/tags', requireAuth, allow('member'), async (req, res) => {
    res.json(await contacts.listTags(deps.db, authOf(req).tenantId));
  });
  r.get('/v1/contacts/attributes', requireAuth, allow('member'), async (req, res) => {
    res.json(await contacts.listAttributeKeys(deps.db, authOf(req).tenantId));
  });
  r.get('/v1/contacts/attributes/usage', requireAuth, allow('member'), async (req, res) => {
    res.json(await listFields(deps.db, authOf(req).tenantId));
  });
  r.post('/v1/contacts/attributes/rename', requireAuth, allow('marketing'), async (req, res) => {
    const { from, to } = parse(renameAttributeBody, req.body);
    res.json(await renameField(deps.db, authOf(req), from, to));
  });
  r.delete('/v1/contacts/attributes/:name', requireAuth, allow('marketing'), async (req, res) => {
    res.json(await deleteField(deps.db, authOf(req), pathParams(attributeNameParam, req.params).name));
  });
  r.get('/v1/contacts/export', requireAuth, allow('marketing'), async (req, res) => {
    const { q, tag, channelId } = parse(listContactsQuery, req.query);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="contacts-${new Date().toISOString().slice(0, 10)}.csv"`);
    for await (const chunk of exportContactsCsv(deps.db, authOf(req).tenantId, { q, tag, channelId })) res.write(chunk);
    res.end();
  });
  r.post('/v1/contacts/import', requireAuth, allow('marketing'), csvBody, async (req, res) => {
    const csv = csvText(req.body);
    const actor = authOf(req);
    const created = await createImport(deps.db, actor, csv, parse(importQuery, req.query).channelId);
    // If Redis refuses now, housekeeping enqueues the import again within minutes.
    await deps.queues.contacts.add('import', { task: 'import', tenantId: actor.tenantId, importId: created.id }, { jobId: importJobId(created.id) })
      .catch((err) => req.log.warn({ err: (err as Error).message }, 'import enqueue failed'));
    res.status(202).json(created);
  });
  r.get('/v1/contacts/imports/:importId', requireAuth, allow('marketing'), async (req, res) => {
    res.json(await getImport(deps.db, authOf(req).tenantId, pathParams(importParam, req.params).importId));
  });
  r.get('/v1/contacts/:id', requireAuth, allow('member'), async (req, res) => {
    res.json(await contacts.getContact(deps.db, authOf(req).tenantId, pathParams(idParam, req.params).id));
  });
  r.patch('/v1/contacts/:id', requireAuth, allow('marketing'), async (req, res) => {
    res.json(await contacts.updateContact(deps.db, authOf(req), pathParams(idParam, req.params).id, parse(updateContactBody, req.body)));
  });
  r.get('/v1/contacts/:id/data', requireAuth, allow('admin'), async (req, res) => {
    const id = pathParams(idParam, req.params).id;
    res.setHeader('content-disposition', `attachment; filename="contact-${id}.json"`);
    res.json(await exportContactData(deps.db, authOf(req).tenantId, id));
  });
  r.delete('/v1/contacts/:id', requireAuth, allow('admin'), async (req, res) => {
    const left = await eraseContact(deps.db, deps.objects, authOf(req), pathParams(idParam, req.params).id);
    if (left.length) req.log.warn({ keys: left }, 'erased contact: files left in storage');
    res.status(204).end();
  });
  r.get('/v1/settings/contacts', requireAuth, allow('member'), async (req, res) => {
    res.json(await getContactSettings(deps.db, authOf(req).tenantId));
  });
  r.put('/v1/settings/contacts', requireAuth, allow('admin'), async (req, res) => {
    res.json(await putContactSettings(deps.db, authOf(req).tenantId, parse(contactSettingsBody, req.body)));
  });
  return r;
}
