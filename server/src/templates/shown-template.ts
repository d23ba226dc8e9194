// What a template message is stored with besides its body: the header, footer and buttons the
// customer saw, read from the channel's template when the message is created (a template edited or
// deleted later leaves the history as it was). Every path that stores a template send uses it: the
// inbox's reply and "start a conversation", campaigns and their test sends, and a flow's step.
import { templateParameterIssues, templateParameterNames, templateView, type OutboundContent, type TemplateView } from '@zyntra/flows-schema';
import type { TenantDb } from '../db/tenant-db';
import { findByNameLanguage } from './templates.queries';

/** The key of the stored payload that holds it (docs/message-content.md). */
export const SHOWN_TEMPLATE_KEY = 'templateView';

/** The components of the channel's template by that name and language; null when the channel lists none (web chat, gateways). */
export async function templateComponents(tdb: TenantDb, channelId: string, t: { name: string; language: string }): Promise<unknown[] | null> {
  return (await findByNameLanguage(tdb, channelId, t.name, t.language))?.components ?? null;
}

/** The template as this send shows it, from components already read (a campaign reads them once per batch). */
export const viewOf = (components: unknown[] | null, content: OutboundContent): TemplateView | null =>
  components && content.template ? templateView(components, content.template) : null;

/**
 * Why WhatsApp would refuse this template send with the channel's template as it is now (a body
 * value or a button's value missing, as in a flow step published before buttons took values); empty
 * when it fits, and for a template the channel does not list (web chat, gateways, not synced).
 */
export const unfittedTemplate = (components: unknown[] | null, content: OutboundContent): string[] =>
  components && content.template ? templateParameterIssues(components, content.template.parameters) : [];

/**
 * The send with its values' names when the channel's template was made with named parameters
 * (`{{first_name}}`, e.g. in WhatsApp Manager): WhatsApp refuses such a template's values without them.
 */
export function withParameterNames(components: unknown[] | null, content: OutboundContent): OutboundContent {
  const names = components && content.template ? templateParameterNames(components) : null;
  return names ? { ...content, template: { ...content.template!, parameterNames: names } } : content;
}

/** The payload stored for the message: what the adapter sends, and what the customer saw beside it. */
export const withShownTemplate = <P extends Record<string, unknown>>(payload: P, view: TemplateView | null): P =>
  view ? { ...payload, [SHOWN_TEMPLATE_KEY]: view } : payload;
