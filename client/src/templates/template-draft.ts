// The create form's state and how it becomes a template definition (Meta's component shape).
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
