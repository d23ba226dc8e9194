// The template form's state and how it becomes a template definition (Meta's component shape), and
// back: a template's components as a draft to edit.
import { variableCount, type TemplateComponent, type TemplateDefinition } from '@zyntra/flows-schema';

export type DraftButton = { type: 'QUICK_REPLY' | 'URL'; text: string; url: string; example: string };
export type Draft = {
  name: string; language: string; category: TemplateDefinition['category'];
  headerText: string; headerExample: string; body: string; bodyExamples: string[]; footer: string; buttons: DraftButton[];
};

export const emptyDraft = (): Draft => ({
  name: '', language: 'pt_BR', category: 'UTILITY', headerText: '', headerExample: '', body: '', bodyExamples: [], footer: '', buttons: [],
});

export function toDefinition(d: Draft): TemplateDefinition {
  const components: TemplateComponent[] = [];
  if (d.headerText.trim()) {
    components.push({ type: 'HEADER', format: 'TEXT', text: d.headerText, ...(variableCount(d.headerText) ? { example: { header_text: [d.headerExample] } } : {}) });
  }
  const n = variableCount(d.body);
  components.push({ type: 'BODY', text: d.body, ...(n ? { example: { body_text: [Array.from({ length: n }, (_, i) => d.bodyExamples[i] ?? '')] } } : {}) });
  if (d.footer.trim()) components.push({ type: 'FOOTER', text: d.footer });
  if (d.buttons.length) {
    components.push({
      type: 'BUTTONS',
      buttons: d.buttons.map((b) => (b.type === 'QUICK_REPLY' ? { type: 'QUICK_REPLY' as const, text: b.text }
        : { type: 'URL' as const, text: b.text, url: b.url, ...(variableCount(b.url) ? { example: [b.example] } : {}) })),
    });
  }
  return { name: d.name, language: d.language, category: d.category, components };
}

/** A stable i18n key for a rule message from flows-schema (the English text is the fallback). */
export const ruleKey = (message: string) => message.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '').slice(0, 60);

/**
 * A template's components as the form edits them, or null when it has parts the form cannot show (a
 * media or location header, phone or copy-code buttons): editing would drop them.
 */
export function fromComponents(t: { name: string; language: string; category: string; components: TemplateComponent[] }): Draft | null {
  const d: Draft = { ...emptyDraft(), name: t.name, language: t.language, category: t.category as Draft['category'] };
  for (const c of t.components) {
    if (c.type === 'HEADER') {
      if (c.format !== 'TEXT') return null;
      Object.assign(d, { headerText: c.text ?? '', headerExample: c.example?.header_text?.[0] ?? '' });
    } else if (c.type === 'BODY') Object.assign(d, { body: c.text, bodyExamples: [...(c.example?.body_text[0] ?? [])] });
    else if (c.type === 'FOOTER') d.footer = c.text;
    else {
      for (const b of c.buttons) {
        if (b.type === 'QUICK_REPLY') d.buttons.push({ type: 'QUICK_REPLY', text: b.text, url: '', example: '' });
        else if (b.type === 'URL') d.buttons.push({ type: 'URL', text: b.text, url: b.url, example: b.example?.[0] ?? '' });
        else return null;
      }
    }
  }
  return d;
}
