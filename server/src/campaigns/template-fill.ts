// A campaign's template as one contact receives it, and whether WhatsApp would refuse it for an empty
// value: the send and the audience count read it the same way, so the count says who will be skipped.
import { contactVars, fillTemplateSend, parameterValues, type OutboundContent } from '@zyntra/flows-schema';
import type { StoredTemplate } from './campaigns.queries';

export type FillContact = { name: string | null; phone: string | null; external_id: string | null; attributes: Record<string, unknown> };

/** The template with every {{…}} filled from the contact: name, phone and any custom attribute. */
export function fillTemplate(t: StoredTemplate, contact: FillContact): OutboundContent {
  return fillTemplateSend(t, contactVars(contact), { anyCase: true });
}

/** WhatsApp refuses a template whose parameter is empty (a contact with no name for {{contact.name}}). */
export function hasEmptyParameter(content: OutboundContent): boolean {
  const p = content.template?.parameters;
  return p ? parameterValues(p).some((v) => v.trim() === '') : false;
}

/** True when no contact's values can change the template (no {{…}} in any value): nothing to check per contact. */
export function fillsFromContacts(t: StoredTemplate): boolean {
  return parameterValues(t.parameters).some((v) => v.includes('{{'));
}
