// What the server's template check reads of the flow: its send_template steps alone, as a document,
// and a key of what the check depends on (template, language, how many body values, header kind,
// which buttons have a slot). The key changes when a step is added, removed or picks a template, and
// not while the marketer types a value or edits any other step. Pure.
import { CURRENT_SCHEMA_VERSION, flowSettingsSchema, type FlowDocument, type SendTemplateConfig } from '@zyntra/flows-schema';
import { toFlowNode } from '../store/document-convert';
import type { EditorNode } from '../store/editor-types';

export type TemplateSteps = { key: string; document: FlowDocument | null };

export function templateSteps(nodes: readonly EditorNode[]): TemplateSteps {
  const steps = nodes.filter((n) => n.data.type === 'send_template' && (n.data.config as SendTemplateConfig).name);
  if (steps.length === 0) return { key: '', document: null };
  const key = JSON.stringify(steps.map((n) => {
    const c = n.data.config as SendTemplateConfig;
    return [n.id, c.name, c.language, c.body.length, c.headerType, (c.buttons ?? []).map((b) => `${b.index}:${b.subType}`)];
  }));
  const document: FlowDocument = { schemaVersion: CURRENT_SCHEMA_VERSION, nodes: steps.map(toFlowNode), edges: [], settings: flowSettingsSchema.parse({}) };
  return { key, document };
}
