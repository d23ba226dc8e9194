// What a screen reader calls the cards and connections: the marketer's names for the steps (or
// their types' labels) in the editor's language, never the ids the flow keeps for them. React Flow
// would call a card "node" and a connection "Edge from <id> to <id>".
import { anyNodeDefinition, type Locale } from '@zyntra/flows-schema';
import type { TFunction } from 'i18next';
import type { EditorEdge, FlowNodeData } from '../store/editor-types';

export interface AriaNames {
  step(data: FlowNodeData): string;
  connection(edge: EditorEdge, source: FlowNodeData | undefined, target: FlowNodeData | undefined): string;
  /** Said instead of React Flow's "node" and "edge". */
  stepRole: { 'aria-roledescription': string };
  connectionRole: { 'aria-roledescription': string };
}

function outputLabel(data: FlowNodeData, handle: string, locale: Locale): string | null {
  try {
    const outputs = anyNodeDefinition(data.type).outputs(data.config as never);
    return outputs.length > 1 ? (outputs.find((o) => o.id === handle)?.label[locale] ?? null) : null;
  } catch {
    return null; // a config zod would reject (an old import): the step's name is enough
  }
}

export function ariaNames(t: TFunction, locale: Locale): AriaNames {
  const step = (data: FlowNodeData) => data.name || anyNodeDefinition(data.type).label[locale];
  const unknown = t('builder.canvas.unknownStep');
  return {
    step,
    connection(edge, source, target) {
      const [from, to] = [source ? step(source) : unknown, target ? step(target) : unknown];
      const output = source && outputLabel(source, edge.sourceHandle, locale);
      return output ? t('builder.canvas.edgeLabelOutput', { from, output, to }) : t('builder.canvas.edgeLabel', { from, to });
    },
    stepRole: { 'aria-roledescription': t('builder.canvas.stepRole') },
    connectionRole: { 'aria-roledescription': t('builder.canvas.connectionRole') },
  };
}
