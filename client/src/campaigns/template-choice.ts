// The template a campaign sends, as the wizard's first step holds it: one of the channel's approved
// templates (its text fixed: WhatsApp sends only what it approved) or one typed by hand, not synced
// yet, known only by what was typed. Pure.
import type { TemplateComponent } from '@zyntra/flows-schema';
import type { ChannelTemplate } from './campaigns-api';

export type TypedTemplate = { name: string; language: string; text: string };

/** The approved template with this name and language, if the channel lists one. */
export const approvedOf = (templates: readonly ChannelTemplate[], t: TypedTemplate) =>
  templates.find((x) => x.name === t.name && x.language === t.language);

/** The body that is sent: the approved one when there is one, else as typed. */
export function bodyOf(approved: ChannelTemplate | undefined, t: TypedTemplate): string {
  const body = approved?.components?.find((c) => c.type === 'BODY')?.text;
  return typeof body === 'string' ? body : t.text;
}

/** The template as WhatsApp approved it (header, buttons) with the body that is sent. */
export function componentsOf(approved: ChannelTemplate | undefined, text: string): TemplateComponent[] {
  const others = (approved?.components ?? []).filter((c) => c.type !== 'BODY');
  return [...others, { type: 'BODY', text }] as TemplateComponent[];
}

/** The languages the language field offers: the channel's templates' and the usual ones, the current one kept. */
export function languageCodes(templates: readonly ChannelTemplate[], current: string): string[] {
  return [...new Set(['pt_BR', 'en_US', 'es', ...templates.map((x) => x.language), ...(current ? [current] : [])])];
}
