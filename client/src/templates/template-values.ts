// The values a template send takes (body variables, a header's text or file, URL / copy-code button
// endings), as the inbox's "Send a template" and the campaign wizard both fill them: what the inputs
// start with, when they are complete, the request's parameters and the preview. Pure.
import {
  buttonParameters, headerParameter, interpolate, templateBodyText, variableCount,
  type ButtonParameter, type TemplateComponent, type TemplateSend,
} from '@zyntra/flows-schema';

export type TemplateValues = { body: string[]; header: string; buttons: string[] };

export const noValues: TemplateValues = { body: [], header: '', buttons: [] };

/** What the inputs start with: the contact's name for the first body variable, the template's examples for the rest. */
export function suggestedValues(components: readonly unknown[]): TemplateValues {
  const body = (components as TemplateComponent[]).find((c) => c.type === 'BODY');
  const examples = body?.type === 'BODY' ? (body.example?.body_text[0] ?? []) : [];
  const count = variableCount(templateBodyText(components));
  return {
    body: Array.from({ length: count }, (_, i) => (i === 0 ? '{{contact.name}}' : (examples[i] ?? ''))),
    header: '',
    buttons: buttonParameters(components).map(() => ''),
  };
}

/** The values resized to the template (its body text edited, another template picked), keeping what was typed. */
export function fitValues(components: readonly unknown[], v: TemplateValues): TemplateValues {
  const start = suggestedValues(components);
  return {
    body: start.body.map((x, i) => v.body[i] ?? x),
    header: headerParameter(components) ? v.header : '',
    buttons: start.buttons.map((x, i) => v.buttons[i] ?? x),
  };
}

/** Every value the template takes is filled in. */
export function valuesComplete(components: readonly unknown[], v: TemplateValues): boolean {
  const filled = (x: string) => x.trim() !== '';
  return v.body.every(filled) && (!headerParameter(components) || filled(v.header)) && v.buttons.every(filled);
}

/** The request's parameters from the inputs. */
export function parametersOf(components: readonly unknown[], v: TemplateValues): TemplateSend['parameters'] {
  const header = headerParameter(components);
  const buttons: ButtonParameter[] = buttonParameters(components);
  return {
    ...(v.body.length ? { body: v.body } : {}),
    ...(header ? { header: { type: header, value: v.header } } : {}),
    ...(buttons.length ? { buttons: buttons.map((b, i) => ({ ...b, value: v.buttons[i] ?? '' })) } : {}),
  };
}

/**
 * The preview shows the values as the customer will read them: placeholders filled from `vars` when
 * the contact is known (the inbox), as typed when it is not (a campaign's many recipients).
 */
export function previewComponents(components: TemplateComponent[], v: TemplateValues, vars?: Record<string, string>): TemplateComponent[] {
  // The contact's attributes are one per name whatever its letter case: {{cidade}} shows "Cidade".
  const fill = (s: string) => (vars ? interpolate(s, vars, { anyCase: true }) : s);
  return components.map((c) => {
    if (c.type === 'BODY') return { ...c, example: { body_text: [v.body.map(fill)] } };
    if (c.type === 'HEADER' && c.format === 'TEXT') return { ...c, example: { header_text: [fill(v.header)] } };
    return c;
  });
}
