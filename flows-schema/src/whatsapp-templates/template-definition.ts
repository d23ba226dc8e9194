// A WhatsApp message template as Meta takes it on creation (reference/whatsapp-templates.md §1), with
// the review rules Meta documents checked before submitting: the server refuses what Meta would
// reject, and the editor shows the same messages while the user types. Positional parameters only.
import { z } from 'zod';

export const TEMPLATE_LIMITS = { name: 512, body: 1024, headerText: 60, footer: 60, buttons: 10, quickReplies: 10, urlButtons: 2, phoneButtons: 1, copyCodeButtons: 1, buttonText: 25 } as const;
export const TEMPLATE_CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'] as const;
export const HEADER_FORMATS = ['TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION'] as const;

const VARIABLE = /\{\{\s*([^{}\s]*)\s*\}\}/g;

/** The `{{n}}` markers of a text, in order of appearance. */
export function templateVariables(text: string): string[] {
  return [...text.matchAll(VARIABLE)].map((m) => m[1] ?? '');
}

const example = z.string().trim().min(1, 'Give an example value').max(200);

const header = z.object({
  type: z.literal('HEADER'),
  format: z.enum(HEADER_FORMATS),
  text: z.string().max(TEMPLATE_LIMITS.headerText, `At most ${TEMPLATE_LIMITS.headerText} characters`).optional(),
  example: z.object({ header_text: z.array(example).optional(), header_handle: z.array(z.string().min(1)).optional() }).optional(),
});
const body = z.object({
  type: z.literal('BODY'),
  text: z.string().trim().min(1, 'The body is required').max(TEMPLATE_LIMITS.body, `At most ${TEMPLATE_LIMITS.body} characters`),
  example: z.object({ body_text: z.array(z.array(example)).length(1) }).optional(),
});
const footer = z.object({ type: z.literal('FOOTER'), text: z.string().trim().min(1).max(TEMPLATE_LIMITS.footer, `At most ${TEMPLATE_LIMITS.footer} characters`) });
const label = z.string().trim().min(1, 'Button text is required').max(TEMPLATE_LIMITS.buttonText, `At most ${TEMPLATE_LIMITS.buttonText} characters`);
const button = z.discriminatedUnion('type', [
  z.object({ type: z.literal('QUICK_REPLY'), text: label }),
  z.object({ type: z.literal('URL'), text: label, url: z.string().max(2000).regex(/^https?:\/\/\S+$/, 'Must be an http(s) address'), example: z.array(z.string().min(1)).max(1).optional() }),
  z.object({ type: z.literal('PHONE_NUMBER'), text: label, phone_number: z.string().regex(/^\+?\d{8,15}$/, 'International number, digits only') }),
  z.object({ type: z.literal('COPY_CODE'), example: z.string().min(1).max(15) }),
]);
const buttons = z.object({ type: z.literal('BUTTONS'), buttons: z.array(button).min(1).max(TEMPLATE_LIMITS.buttons, `At most ${TEMPLATE_LIMITS.buttons} buttons`) });
export const templateComponent = z.discriminatedUnion('type', [header, body, footer, buttons]);
export type TemplateComponent = z.infer<typeof templateComponent>;

type Issue = { path: Array<string | number>; message: string };

/** Positional variables: {{1}}…{{n}} in order of first use, never two side by side; in the body none at the very start or end. */
function variableIssues(text: string, where: Array<string | number>, max = Infinity, edges = true): Issue[] {
  const vars = templateVariables(text);
  if (!vars.length) return [];
  if (vars.some((v) => !/^[1-9]\d?$/.test(v))) return [{ path: where, message: 'Variables are written {{1}}, {{2}}, …' }];
  const distinct = [...new Set(vars.map(Number))];
  if (distinct.length > max) return [{ path: where, message: `At most ${max} variable here` }];
  if (distinct.some((n, i) => n !== i + 1)) return [{ path: where, message: 'Number the variables {{1}}, {{2}}, … in order, without gaps' }];
  const trimmed = text.trim();
  if (edges && (/^\{\{[^{}]*\}\}/.test(trimmed) || /\{\{[^{}]*\}\}[.!?]?$/.test(trimmed))) return [{ path: where, message: 'A variable cannot start or end the text' }];
  if (/\}\}\s*\{\{/.test(text)) return [{ path: where, message: 'Two variables cannot be side by side' }];
  return [];
}

export const variableCount = (text: string | undefined) => new Set(templateVariables(text ?? '')).size;

function componentIssues(components: TemplateComponent[]): Issue[] {
  const issues: Issue[] = [];
  for (const type of ['HEADER', 'BODY', 'FOOTER', 'BUTTONS'] as const) {
    const n = components.filter((c) => c.type === type).length;
    if (type === 'BODY' && n !== 1) issues.push({ path: ['components'], message: 'Exactly one body is required' });
    else if (n > 1) issues.push({ path: ['components'], message: `At most one ${type.toLowerCase()}` });
  }
  components.forEach((c, i) => {
    const at = ['components', i];
    if (c.type === 'BODY') {
      issues.push(...variableIssues(c.text, [...at, 'text']));
      const count = variableCount(c.text);
      const given = c.example?.body_text[0]?.length ?? 0;
      if (count !== given) issues.push({ path: [...at, 'example'], message: `Give one example for each of the ${count} variables` });
    } else if (c.type === 'HEADER') {
      if (c.format === 'TEXT') {
        if (!c.text?.trim()) issues.push({ path: [...at, 'text'], message: 'A text header needs its text' });
        issues.push(...variableIssues(c.text ?? '', [...at, 'text'], 1, false));
        if (variableCount(c.text) !== (c.example?.header_text?.length ?? 0)) issues.push({ path: [...at, 'example'], message: 'Give an example for the header variable' });
      } else if (c.format !== 'LOCATION' && !c.example?.header_handle?.length) {
        issues.push({ path: [...at, 'example'], message: 'A media header needs a sample file handle' });
      }
    } else if (c.type === 'FOOTER') {
      if (templateVariables(c.text).length) issues.push({ path: [...at, 'text'], message: 'The footer takes no variables' });
    } else issues.push(...buttonIssues(c.buttons, at));
  });
  return issues;
}

function buttonIssues(list: Extract<TemplateComponent, { type: 'BUTTONS' }>['buttons'], at: Array<string | number>): Issue[] {
  const issues: Issue[] = [];
  const count = (type: string) => list.filter((b) => b.type === type).length;
  const caps = { QUICK_REPLY: TEMPLATE_LIMITS.quickReplies, URL: TEMPLATE_LIMITS.urlButtons, PHONE_NUMBER: TEMPLATE_LIMITS.phoneButtons, COPY_CODE: TEMPLATE_LIMITS.copyCodeButtons };
  for (const [type, cap] of Object.entries(caps)) if (count(type) > cap) issues.push({ path: [...at, 'buttons'], message: `At most ${cap} ${type} button(s)` });
  const kinds = list.map((b) => (b.type === 'QUICK_REPLY' ? 'q' : 'o')).join('');
  if (/q+o+q|o+q+o/.test(kinds)) issues.push({ path: [...at, 'buttons'], message: 'Keep the quick replies together, before or after the other buttons' });
  list.forEach((b, i) => {
    if (b.type !== 'URL') return;
    const vars = templateVariables(b.url);
    if (vars.length > 1 || (vars.length === 1 && (vars[0] !== '1' || !/\{\{1\}\}$/.test(b.url)))) {
      issues.push({ path: [...at, 'buttons', i, 'url'], message: 'One variable, {{1}}, at the end of the address' });
    } else if (vars.length === 1 && !b.example?.length) issues.push({ path: [...at, 'buttons', i, 'example'], message: 'Give an example for the address variable' });
  });
  return issues;
}

export const templateDefinition = z
  .object({
    name: z.string().min(1).max(TEMPLATE_LIMITS.name).regex(/^[a-z0-9_]+$/, 'Lower-case letters, digits and _ only'),
    language: z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'A language code such as pt_BR or en_US'),
    category: z.enum(TEMPLATE_CATEGORIES),
    components: z.array(templateComponent).min(1).max(4),
  })
  .superRefine((t, ctx) => {
    for (const issue of componentIssues(t.components)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  });
export type TemplateDefinition = z.infer<typeof templateDefinition>;

/**
 * The statuses in which we offer to edit a template. Meta takes edits of APPROVED, REJECTED and PAUSED
 * ones (reference/whatsapp-templates.md §1), but for an approved one the reference gives only Meta's
 * caps (10 edits in 30 days, 1 in 24 h, category fixed): not whether it goes back to review, nor
 * whether it can still be sent meanwhile. Marking it PENDING would stop its sends on a guess, and
 * leaving it APPROVED could send a text Meta has not approved; so approved ones are not offered.
 * PENDING and the rest wait for Meta's verdict.
 */
export const EDITABLE_TEMPLATE_STATUSES: readonly string[] = ['REJECTED', 'PAUSED'];

/**
 * An edit of a template Meta holds (`POST /{TEMPLATE_ID}`, reference/whatsapp-templates.md §1): its
 * components, replaced as a whole, and optionally its category, under the same rules as a new one.
 * Name and language cannot change at Meta, so a body naming them is refused rather than ignored.
 */
export const templateEdit = z
  .strictObject({
    category: z.enum(TEMPLATE_CATEGORIES).optional(),
    components: z.array(templateComponent).min(1).max(4),
  })
  .superRefine((t, ctx) => {
    for (const issue of componentIssues(t.components)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  });
export type TemplateEdit = z.infer<typeof templateEdit>;
