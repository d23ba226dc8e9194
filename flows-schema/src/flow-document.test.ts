import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  emptyFlow,
  flowDocumentSchema,
  flowNodeSchema,
  flowSettingsSchema,
  outputsOf,
  type FlowNode,
} from './flow-document';
import { getNodeDefinition, isNodeType, NODE_TYPES, nodeRegistry, type NodeConfig } from './nodes';
import { node } from './testing/flow-builders';
import { sampleFlow } from './testing/sample-flow';
import { validateFlow } from './validate/validate-flow';

describe('flow document schema', () => {
  it('when emptyFlow is called, then it is a parseable document with one trigger at the origin and default settings', () => {
    const doc = emptyFlow();
    expect(flowDocumentSchema.parse(doc)).toEqual(doc);
    expect(doc.nodes).toEqual([
      { id: 'trigger', type: 'trigger', position: { x: 0, y: 0 }, config: nodeRegistry.trigger.defaults() },
    ]);
    expect(doc.settings).toEqual({
      variables: [],
      sessionTimeoutMinutes: 1440,
      restartKeywords: ['reiniciar', 'restart'],
      exitKeywords: ['sair do bot'],
    });
  });

  it('when emptyFlow is validated, then the only problems are the ones a marketer must fix first', () => {
    expect(validateFlow(emptyFlow()).map((p) => p.code)).toEqual([
      'output_unconnected',
      'trigger_without_condition',
    ]);
  });

  it('when emptyFlow is called twice, then the documents do not share mutable state', () => {
    const first = emptyFlow();
    first.settings.restartKeywords.push('x');
    expect(emptyFlow().settings.restartKeywords).toEqual(['reiniciar', 'restart']);
  });
});

describe('flow document schema: settings and parsing', () => {
  it('when settings are missing or partial, then defaults fill them', () => {
    const { settings: _omit, ...withoutSettings } = sampleFlow();
    expect(flowDocumentSchema.parse(withoutSettings).settings).toEqual(flowSettingsSchema.parse({}));
    expect(flowSettingsSchema.parse({ sessionTimeoutMinutes: 30 }).sessionTimeoutMinutes).toBe(30);
  });

  it('when a node has a config of another type, then the node schema rejects it', () => {
    expect(flowNodeSchema.safeParse({ ...node('m', 'message'), type: 'wait' }).success).toBe(false);
    expect(flowNodeSchema.safeParse(node('m', 'message')).success).toBe(true);
  });

  it('when a document has unknown extra keys, then parsing drops them (React Flow adds its own)', () => {
    const withExtras = {
      ...sampleFlow(),
      viewport: { zoom: 1 },
      nodes: sampleFlow().nodes.map((n) => ({ ...n, selected: true })),
    };
    expect(flowDocumentSchema.parse(withExtras)).toEqual(sampleFlow());
  });

  it('when a variable name is not an identifier or the position is not finite, then the schema rejects it', () => {
    expect(flowSettingsSchema.safeParse({ variables: [{ name: 'nome completo' }] }).success).toBe(false);
    expect(
      flowNodeSchema.safeParse({ ...node('m', 'message'), position: { x: Infinity, y: 0 } }).success,
    ).toBe(false);
  });
});

describe('node registry', () => {
  it('when listing node types, then they match the registry keys in order', () => {
    expect(NODE_TYPES).toEqual(Object.keys(nodeRegistry));
    // New steps are appended (npm run new:step); the built-in order, which the palette shows, stays.
    expect(NODE_TYPES.slice(0, 6)).toEqual(['trigger', 'message', 'wait', 'condition', 'ai_reply', 'transfer']);
    expect(NODE_TYPES.filter((type) => nodeRegistry[type].isEntry)).toEqual(['trigger']);
  });

  it.each(NODE_TYPES)(
    'when the %s definition is inspected, then its metadata is complete and its defaults parse',
    (type) => {
      const def = getNodeDefinition(type);
      expect(def.type).toBe(type);
      expect(def.icon).toMatch(/^[a-z-]+$/);
      expect(
        def.label.en && def.label['pt-BR'] && def.description.en && def.description['pt-BR'],
      ).toBeTruthy();
      expect(def.config.safeParse(def.defaults()).success).toBe(true);
      expect(typeof def.summary(def.defaults() as never)).toBe('string');
    },
  );

  it('when checking an arbitrary value, then isNodeType accepts registry keys only', () => {
    expect(isNodeType('message')).toBe(true);
    expect(isNodeType('toString')).toBe(false);
    expect(isNodeType(1)).toBe(false);
  });

  it("when outputsOf is given a node, then it uses that type's definition", () => {
    expect(outputsOf(node('ai', 'ai_reply')).map((o) => o.id)).toEqual(['ok', 'handoff', 'error']);
  });

  it('when the types are inspected, then FlowNode is the discriminated union the schema produces', () => {
    expectTypeOf<Extract<FlowNode, { type: 'wait' }>['config']>().toEqualTypeOf<NodeConfig<'wait'>>();
    expectTypeOf<z.output<typeof flowNodeSchema>>().toEqualTypeOf<FlowNode>();
    expectTypeOf<NodeConfig<'message'>['list']>().toEqualTypeOf<{
      buttonLabel: string;
      rows: Array<{ id: string; title: string; description?: string | undefined }>;
    } | null>();
  });
});
