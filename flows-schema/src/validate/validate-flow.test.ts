import { describe, expect, it } from 'vitest';
import { codesOf, edge, flow, node, trigger } from '../testing/flow-builders';
import { sampleFlow } from '../testing/sample-flow';
import { hasErrors } from './problems';
import { validateFlow } from './validate-flow';

describe('validateFlow: document shape', () => {
  it('when the sample flow is validated, then there are no problems', () => {
    expect(validateFlow(sampleFlow())).toEqual([]);
  });

  it.each([null, 42, 'flow', [], true])(
    'when the input is %j, then one problem says the flow must be an object',
    (input) => {
      expect(codesOf(validateFlow(input))).toEqual(['invalid_type@-:']);
    },
  );

  it('when schemaVersion is newer or older than supported, then only the version is reported', () => {
    expect(codesOf(validateFlow({ ...sampleFlow(), schemaVersion: 2 }))).toEqual([
      'unsupported_schema_version@-:schemaVersion',
    ]);
    expect(codesOf(validateFlow({ ...sampleFlow(), schemaVersion: 0 }))).toEqual([
      'outdated_schema_version@-:schemaVersion',
    ]);
  });

  it('when nodes and edges are not lists, then each is reported and settings still default', () => {
    expect(codesOf(validateFlow({ schemaVersion: 1, nodes: {}, edges: 'x' }))).toEqual([
      'invalid_type@-:nodes',
      'invalid_type@-:edges',
      'missing_trigger@-:nodes',
    ]);
  });
});

describe('validateFlow: node and settings problems', () => {
  it('when several nodes have bad configs, then each node reports its own problems with its id and relative path', () => {
    const good = trigger();
    const bad1 = { ...node('m', 'message'), config: { ...node('m', 'message').config, typingDelayMs: -1 } };
    const bad2 = {
      ...node('w', 'wait'),
      config: { ...node('w', 'wait').config, mode: 'nap', maxRetries: '3' },
    };
    const problems = validateFlow({ ...flow([], [edge('start', 'next', 'm')]), nodes: [good, bad1, bad2] });
    expect(codesOf(problems).slice(0, 3)).toEqual([
      'too_small@m:config.typingDelayMs',
      'invalid_value@w:config.mode',
      'invalid_type@w:config.maxRetries',
    ]);
  });

  it('when a node has no usable id or an unknown type, then it is reported by position or by id', () => {
    const problems = validateFlow({
      ...flow([trigger()], []),
      nodes: [trigger(), { type: 'message' }, { id: 'x', type: 'sticker', position: { x: 0, y: 0 } }],
    });
    expect(codesOf(problems)).toEqual(
      expect.arrayContaining([
        'required_field@-:nodes.1.id',
        'required_field@-:nodes.1.config',
        'unknown_node_type@x:type',
      ]),
    );
  });

  it('when a variable name is not an identifier, then invalid_variable_name points at it', () => {
    const doc = { ...flow([trigger()], []), settings: { variables: [{ name: 'order id' }] } };
    expect(codesOf(validateFlow(doc))).toContain('invalid_variable_name@-:settings.variables.0.name');
  });
});

describe('validateFlow: messages', () => {
  it('when a problem is produced, then it has a message in English and Portuguese with params filled in', () => {
    const [problem] = validateFlow({
      ...flow(
        [trigger(), node('m', 'message', { text: 'x', buttons: [{ id: 'a', title: 'x'.repeat(21) }] })],
        [],
      ),
      edges: [edge('start', 'next', 'm'), edge('m', 'btn:a', 'start')],
    }).filter((p) => p.code === 'title_too_long');
    expect(problem).toEqual({
      code: 'title_too_long',
      severity: 'error',
      nodeId: 'm',
      path: 'config.buttons.0.title',
      message: {
        en: 'WhatsApp allows at most 20 characters in this title; it has 21.',
        'pt-BR': 'O WhatsApp permite no máximo 20 caracteres neste título; ele tem 21.',
      },
    });
  });
});

describe('validateFlow: every problem at once', () => {
  it('when a flow breaks many rules, then all of them are returned, not just the first', () => {
    const doc = flow(
      [
        trigger(),
        node('menu', 'message', { text: 'Oi {{nome}}', buttons: [{ id: 'a', title: 'A' }] }),
        node('loop', 'message', { text: 'loop' }),
        node('orphan', 'transfer'),
      ],
      [
        edge('start', 'next', 'menu'),
        edge('menu', 'btn:a', 'loop'),
        edge('loop', 'next', 'loop'),
        edge('menu', 'btn:zzz', 'loop', 'bad'),
      ],
    );
    expect(codesOf(validateFlow(doc))).toEqual([
      'edge_unknown_handle@bad:sourceHandle',
      'optional_output_unconnected@menu:outputs.no_match',
      'node_unreachable@orphan:',
      'loop_without_wait@loop:',
      'undeclared_variable@menu:config.text',
      'transfer_message_empty@orphan:config.message',
    ]);
  });

  it('when only warnings are present, then hasErrors is false; with an error it is true', () => {
    const warningsOnly = flow(
      [trigger(), node('bye', 'message', { text: 'Tchau' })],
      [edge('start', 'next', 'bye')],
    );
    expect(validateFlow(warningsOnly).map((p) => p.severity)).toEqual(['warning']);
    expect(hasErrors(validateFlow(warningsOnly))).toBe(false);
    expect(hasErrors(validateFlow(flow([], [])))).toBe(true);
  });
});
