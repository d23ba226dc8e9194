// A template about to be sent on a channel: the request shape (API.md "Template parameters
// everywhere"), and the checks done before anything is stored — the channel sends templates, the
// template exists there and is approved, the parameters fit it — then the values filled from the
// contact. Used by the inbox composer; campaigns share the request shape.
import { z } from 'zod';
import { contactVars, fillTemplateSend, findMalformedPlaceholders, parameterValues, templateBodyText, templateParameterIssues, templateView, type OutboundContent, type TemplateView } from '@zyntra/flows-schema';
import { findContact } from '../contacts/contacts.queries';
import type { TenantDb } from '../db/tenant-db';
import { AppError } from '../http/app-error';
import { findByNameLanguage, type TemplateRow } from './templates.queries';
import { withParameterNames } from './shown-template';

const param = z.string().max(1024);
export const templateParams = z.object({
  name: z.string().regex(/^[a-z0-9_]{1,512}$/, 'Template names are lower case letters, digits and _'),
  language: z.string().regex(/^[a-z]{2,3}(?:_[A-Za-z]{2,4})?$/, 'A language code such as pt_BR'),
  parameters: z.object({
    body: z.array(param).max(60).optional(),
    header: z.object({ type: z.enum(['text', 'image', 'video', 'document']), value: param }).optional(),
    buttons: z.array(z.object({ index: z.number().int().min(0).max(9), subType: z.enum(['quick_reply', 'url', 'copy_code']), value: param })).max(10).optional(),
  }).default({}),
});
export type TemplateParams = z.infer<typeof templateParams>;

/** Only the WhatsApp Cloud API has message templates; web chat and gateway numbers send plain messages. */
export const sendsTemplates = (channelType: string) => channelType === 'whatsapp_cloud';

/** The channel's template by name and language, approved, with parameters that fit it; else a 422 that says why. */
export async function approvedTemplate(tdb: TenantDb, channel: { id: string; type: string }, t: TemplateParams): Promise<TemplateRow> {
  if (!sendsTemplates(channel.type)) {
    throw new AppError('templates_unsupported', 'This channel has no message templates: only WhatsApp Cloud API channels send them', { channelType: channel.type });
  }
  const row = await findByNameLanguage(tdb, channel.id, t.name, t.language);
  if (!row) throw new AppError('template_not_found', `This channel has no template "${t.name}" in ${t.language}; sync the channel’s templates if it was made in Meta’s tools`);
  if (row.status !== 'APPROVED') {
    throw new AppError('template_not_approved', `The template "${t.name}" is ${row.status}; only approved templates can be sent`, { templateStatus: row.status });
  }
  assertParametersFit(t.name, row.components, t.parameters);
  assertPlaceholdersWellFormed(t.parameters);
  return row;
}

/**
 * A {{…}} that is not a placeholder (a stray quote, a default without its quotes) would reach the
 * customer as typed: a 400 naming each, before anything is stored or sent.
 */
export function assertPlaceholdersWellFormed(parameters: TemplateParams['parameters']): void {
  const malformed = [...new Set(parameterValues(parameters).flatMap(findMalformedPlaceholders))];
  if (malformed.length) {
    throw new AppError('validation_failed', `These placeholders cannot be filled and would be sent as typed: ${malformed.join(', ')}. Write them as {{name}} or {{name | "default"}}`, { malformedPlaceholders: malformed });
  }
}

/** Parameters that do not fit the template (too few, too many, a header it has not): a 422 that lists each. */
export function assertParametersFit(name: string, components: TemplateRow['components'], parameters: TemplateParams['parameters']): void {
  const issues = templateParameterIssues(components, parameters);
  if (issues.length) throw new AppError('template_parameters', `The parameters do not fit the template "${name}": ${issues.join('; ')}`, { issues });
}

/**
 * The template ready for the outbox, its {{placeholders}} filled from the conversation's contact, and
 * its header, footer and buttons as the customer will see them (stored with the message).
 */
export async function templateContent(tdb: TenantDb, channel: { id: string; type: string }, contactId: string, t: TemplateParams): Promise<{ content: OutboundContent; view: TemplateView }> {
  const row = await approvedTemplate(tdb, channel, t);
  const contact = await findContact(tdb, contactId);
  const vars = contact ? contactVars(contact) : {};
  const content = withParameterNames(row.components, fillTemplateSend({ name: row.name, language: row.language, parameters: t.parameters, text: templateBodyText(row.components) }, vars, { anyCase: true }));
  return { content, view: templateView(row.components, content.template!) };
}
