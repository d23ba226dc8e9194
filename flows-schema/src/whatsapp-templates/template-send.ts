// Sending a WhatsApp template: its parameters filled from the contact and the flow's variables, the
// body as the customer will read it, and the check that the parameters fit the template (Meta
// refuses a wrong count with 132000). Shared by campaigns, the inbox composer and the flow's
// send_template step, so a {{placeholder}} means the same everywhere. Pure.
import { interpolate, type AnyCase } from '../interpolation/interpolate';
import type { OutboundContent, TemplateSend } from '../outbound-content';
import { templateVariables, variableCount } from './template-definition';

/** A template to send: parameter values may still hold {{placeholders}}; `text` is the body with its {{n}} markers. */
export type TemplateDraft = { name: string; language: string; parameters: TemplateSend['parameters']; text?: string };

export type TemplateContact = { name: string | null; phone: string | null; external_id?: string | null; attributes?: Record<string, unknown> | null };

/**
 * What a contact lends to {{placeholders}}: `contact.name`, `contact.phone`, and each custom
 * attribute by its own name (`{{plano}}`, `{{Observação}}`) or under `contact.` (`{{contact.plano}}`).
 */
export function contactVars(contact: TemplateContact): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [k, v] of Object.entries(contact.attributes ?? {})) {
    if (v === null || v === undefined) continue;
    vars[k] = String(v);
    // Also as {{contact.bairro}}, as a marketer writes it next to {{contact.name}}.
    vars[`contact.${k}`] = String(v);
  }
  vars['contact.name'] = contact.name ?? '';
  vars['contact.phone'] = contact.phone ?? contact.external_id ?? '';
  return vars;
}

/** A named template's variables ({{first_name}}: lower case, digits and _, none a number), once each in order of first use; else none. */
const named = (vars: string[]) => (vars.length > 0 && vars.every((v) => /^[a-z_][a-z0-9_]*$/.test(v)) ? [...new Set(vars)] : []);
const VARIABLE_MARKER = /\{\{\s*([^{}\s]*)\s*\}\}/g;

/** Every value a template send carries, body first, then the header's, then each button's. */
export const parameterValues = (p: { body?: string[]; header?: { value: string }; buttons?: Array<{ value: string }> }): string[] =>
  [...(p.body ?? []), ...(p.header ? [p.header.value] : []), ...(p.buttons ?? []).map((b) => b.value)];

/** A template text (body, text header, button address) with its {{n}} (or its named variables, by first use) replaced by the values sent. */
export const fillPositional = (text: string, values: readonly string[]): string =>
  numbered(text).replace(/\{\{(\d{1,2})\}\}/g, (_, n: string) => values[Number(n) - 1] ?? '');

/**
 * A named template's text ({{first_name}}) with its variables numbered by first use ({{1}}), the
 * order its values are given in; a positional text as it is.
 */
function numbered(text: string): string {
  const names = named(templateVariables(text));
  return names.length ? text.replace(VARIABLE_MARKER, (m, v: string) => (names.includes(v) ? `{{${names.indexOf(v) + 1}}}` : m)) : text;
}

/**
 * The template with every {{…}} in its parameter values filled from `vars`, ready for the channel
 * adapter. `anyCase` when `vars` are a contact's (contactVars): {{cidade}} reads the attribute "Cidade".
 */
export function fillTemplateSend(t: TemplateDraft, vars: Readonly<Record<string, string | undefined>>, opts: { anyCase?: AnyCase } = {}): OutboundContent {
  const fill = (s: string) => interpolate(s, vars, opts);
  const p = t.parameters;
  const parameters: TemplateSend['parameters'] = {
    ...(p.body ? { body: p.body.map(fill) } : {}),
    ...(p.header ? { header: { ...p.header, value: fill(p.header.value) } } : {}),
    ...(p.buttons ? { buttons: p.buttons.map((b) => ({ ...b, value: fill(b.value) })) } : {}),
  };
  // The readable body: the template text with its positional {{n}} replaced by the filled values.
  const body = parameters.body ?? [];
  const text = t.text ? fillPositional(fill(numbered(t.text)), body) : body.join(' · ') || t.name;
  return { text, buttons: [], list: null, media: null, typingDelayMs: 0, template: { name: t.name, language: t.language, parameters } };
}

type Component = { type?: unknown; format?: unknown; text?: unknown; buttons?: unknown };
type Button = { type?: unknown; url?: unknown };
export type ButtonParameter = { index: number; subType: 'url' | 'copy_code' };

const upper = (v: unknown) => (typeof v === 'string' ? v.toUpperCase() : '');
const componentOf = (components: readonly unknown[], type: string) =>
  components.find((c): c is Component => typeof c === 'object' && c !== null && upper((c as Component).type) === type);

/** The body text of a template as Meta lists it (with its {{n}} markers), if it has one. */
export function templateBodyText(components: readonly unknown[]): string | undefined {
  const text = componentOf(components, 'BODY')?.text;
  return typeof text === 'string' ? text : undefined;
}

/**
 * The names of a template's variables when it was made with named parameters (`{{first_name}}`):
 * the body's in order of first use (the order its values are given in), and the text header's one.
 * Null for a positional template (`{{1}}`).
 */
export function templateParameterNames(components: readonly unknown[]): TemplateSend['parameterNames'] | null {
  const body = named(templateVariables(templateBodyText(components) ?? ''));
  const headerText = componentOf(components, 'HEADER')?.text;
  const header = named(templateVariables(typeof headerText === 'string' ? headerText : ''))[0];
  if (body.length === 0 && !header) return null;
  return { ...(body.length ? { body } : {}), ...(header ? { header } : {}) };
}

/** What the template's header takes: nothing, one text value, or a media file. */
export function headerParameter(components: readonly unknown[]): 'text' | 'image' | 'video' | 'document' | null {
  const header = componentOf(components, 'HEADER');
  if (!header) return null;
  const format = upper(header.format);
  if (format === 'TEXT') return variableCount(typeof header.text === 'string' ? header.text : '') > 0 ? 'text' : null;
  if (format === 'IMAGE' || format === 'VIDEO' || format === 'DOCUMENT') return format.toLowerCase() as 'image' | 'video' | 'document';
  return null;
}

/** Buttons that need a value at send: a URL ending in {{1}} and a copy-code button, by index. */
export function buttonParameters(components: readonly unknown[]): ButtonParameter[] {
  const list = componentOf(components, 'BUTTONS')?.buttons;
  if (!Array.isArray(list)) return [];
  return list.flatMap((b: Button, index): ButtonParameter[] => {
    if (upper(b?.type) === 'URL' && typeof b.url === 'string' && templateVariables(b.url).length > 0) return [{ index, subType: 'url' }];
    if (upper(b?.type) === 'COPY_CODE') return [{ index, subType: 'copy_code' }];
    return [];
  });
}

/**
 * Why these parameters do not fit the template (empty when they do): the body takes exactly as
 * many values as it has variables, the header its one value or file, and each URL / copy-code
 * button its value. Quick-reply payloads are optional.
 */
export function templateParameterIssues(components: readonly unknown[], parameters: TemplateSend['parameters']): string[] {
  const issues: string[] = [];
  const expected = variableCount(templateBodyText(components));
  const given = parameters.body?.length ?? 0;
  if (given !== expected) issues.push(`The body takes ${expected} value(s); ${given} given`);
  const header = headerParameter(components);
  if (header && parameters.header?.type !== header) issues.push(`The header takes a ${header} value`);
  if (!header && parameters.header) issues.push('This template’s header takes no value');
  const needed = buttonParameters(components);
  for (const b of needed) {
    if (!parameters.buttons?.some((p) => p.index === b.index && p.subType === b.subType)) issues.push(`Button ${b.index + 1} takes a value`);
  }
  for (const p of parameters.buttons ?? []) {
    if (p.subType !== 'quick_reply' && !needed.some((b) => b.index === p.index && b.subType === p.subType)) issues.push(`Button ${p.index + 1} takes no ${p.subType} value`);
  }
  return issues;
}
