// Where a problem with a template is shown: at the form field its path names ("components.1.text"
// is the body when the second part is the body), worded by code (template-issues.ts). What names no
// field (Meta's refusal, WhatsApp away) is said once, by the submit button.
import type { TemplateComponent } from '@zyntra/flows-schema';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { errorText } from '../api/error-text';
import { ApiError, issuePathParts, type ValidationIssue } from '../api/errors';
import { reportedIssueText, templateIssueText } from './template-issues';

/** name, language, category, header, headerExample, body, example-N, footer, buttons, button-N; `form` for none. */
export type FieldKey = string;
export type FieldMessages = Record<FieldKey, string>;
export type FormError = { text: string; detail?: string };

export function fieldOf(path: ValidationIssue['path'], components: readonly TemplateComponent[]): FieldKey {
  const [first = '', index, part, sub, , k] = issuePathParts(path);
  if (first !== 'components') return ['name', 'language', 'category'].includes(first) ? first : 'form';
  const c = index === undefined ? undefined : components[Number(index)];
  if (!c) return 'body'; // "Exactly one body is required": the body is what is missing.
  if (c.type === 'HEADER') return part === 'example' ? 'headerExample' : 'header';
  if (c.type === 'BODY') return part === 'example' && k !== undefined ? `example-${Number(k) + 1}` : 'body';
  if (c.type === 'FOOTER') return 'footer';
  return part === 'buttons' && sub !== undefined ? `button-${sub}` : 'buttons';
}

/** Each field's problems, worded and joined; the same words once. */
function byField(entries: Array<{ field: FieldKey; text: string }>): FieldMessages {
  const out: Record<FieldKey, string[]> = {};
  for (const e of entries) if (!(out[e.field] ??= []).includes(e.text)) out[e.field]!.push(e.text);
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.join(' · ')]));
}

/** What the live check found, by field. */
export const liveMessages = (t: TFunction, issues: readonly z.core.$ZodIssue[], components: readonly TemplateComponent[]): FieldMessages =>
  byField(issues.map((i) => ({ field: fieldOf(i.path.map(String), components), text: templateIssueText(t, i) })));

/** A refused submit: the server's issues and a duplicate name at their fields, the rest for the form. */
export function submitFeedback(t: TFunction, err: unknown, components: readonly TemplateComponent[]): { fields: FieldMessages; form: FormError | null } {
  if (!(err instanceof ApiError)) return { fields: {}, form: { text: t('templates.submitFailed') } };
  if (err.code === 'validation_failed' && err.details.providerCode !== undefined) return { fields: {}, form: { text: t('templates.refused'), detail: err.message } };
  if (err.code === 'conflict' && err.details.reason === undefined) return { fields: { name: t('templates.duplicate') }, form: null };
  if (err.code === 'template_not_editable') {
    const status = String(err.details.status ?? '');
    return { fields: {}, form: { text: t('templates.notEditable', { status: t(`templates.statuses.${status}` as never, { defaultValue: status }) }) } };
  }
  const fields = byField(err.issues.map((i) => ({ field: fieldOf(i.path, components), text: reportedIssueText(t, i) })));
  const { form, ...rest } = fields;
  if (err.issues.length) return { fields: rest, form: form ? { text: form } : null };
  const own = { unavailable: 'templates.unreachable', conflict: 'templates.deleteErrors.notSynced' } as const;
  return { fields: {}, form: { text: errorText(t, err, own, 'templates.submitFailed') } };
}

/** The fields a change answers: the duplicate is of name and language together; buttons move when one goes. */
export function clearedBy(field: FieldKey, errors: FieldMessages): FieldMessages {
  const gone = (k: FieldKey) => k === field || (field === 'language' && k === 'name') || (field.startsWith('button') && k.startsWith('button'));
  return Object.fromEntries(Object.entries(errors).filter(([k]) => !gone(k)));
}
