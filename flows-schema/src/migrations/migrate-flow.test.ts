import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { node } from '../testing/flow-builders';
import { sampleFlow } from '../testing/sample-flow';
import { validFlow } from '../testing/valid-flow-arbitrary';
import { hasErrors } from '../validate/problems';
import { validateFlow } from '../validate/validate-flow';
import { migrateFlow, migrations } from './migrate-flow';

/** The v0 shape: no schemaVersion, config kept under React Flow's `data`. */
function toV0(doc: ReturnType<typeof sampleFlow>): unknown {
  const { schemaVersion: _v, ...rest } = doc;
  return { ...rest, nodes: doc.nodes.map(({ config, ...node }) => ({ ...node, data: config })) };
}

const roundTrip = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('migrateFlow', () => {
  it('when the document is current, then it comes back unchanged', () => {
    expect(migrateFlow(sampleFlow())).toEqual({ doc: sampleFlow() });
  });

  it('when the document is v0, then data becomes config and the version is set', () => {
    expect(migrateFlow(toV0(sampleFlow()))).toEqual({ doc: sampleFlow() });
  });

  it('when a send_template step was saved before it took button values, then it reads with none and exports as it imports', () => {
    const doc = sampleFlow();
    const withStep = { ...doc, nodes: [...doc.nodes, node('tpl', 'send_template', { name: 'pedido_saiu', body: ['{{contact.name}}'] })] };
    const saved = roundTrip(withStep) as unknown as { nodes: Array<{ config: Record<string, unknown> }> };
    delete saved.nodes.at(-1)!.config.buttons;
    const first = migrateFlow(saved);
    expect(first).toEqual({ doc: withStep });
    if (!('doc' in first)) return;
    expect(migrateFlow(roundTrip(first.doc))).toStrictEqual(first);
  });

  it('when a v0 document has no settings, then defaults are filled in', () => {
    const { settings: _s, ...v0 } = toV0(sampleFlow()) as Record<string, unknown>;
    const result = migrateFlow(v0);
    expect('doc' in result && result.doc.settings.sessionTimeoutMinutes).toBe(1440);
  });
});

describe('migrateFlow: failures', () => {
  it('when the version is newer than supported, then it fails with that problem', () => {
    expect(migrateFlow({ ...sampleFlow(), schemaVersion: 99 })).toEqual({
      problems: [expect.objectContaining({ code: 'unsupported_schema_version', path: 'schemaVersion' })],
    });
  });

  it('when the result is not a flow document, then it fails with every problem found', () => {
    const result = migrateFlow({ nodes: [{ id: 'a', type: 'message', data: { text: 1 } }], edges: [] });
    expect('problems' in result && result.problems.map((p) => p.code)).toEqual(
      expect.arrayContaining(['required_field', 'invalid_type', 'missing_trigger']),
    );
  });

  it('when the flow is a draft with graph errors, then it is still returned so it can be edited', () => {
    const draft = { ...sampleFlow(), edges: [] };
    expect(hasErrors(validateFlow(draft))).toBe(true);
    expect(migrateFlow(draft)).toEqual({ doc: draft });
  });
});

describe('migrateFlow: garbage in', () => {
  it.each([null, 'x', 3, [], { schemaVersion: 'one' }, { schemaVersion: -1 }, { schemaVersion: 0.5 }])(
    'when given %j, then it returns problems and does not throw',
    (input) => {
      const result = migrateFlow(input);
      expect('problems' in result && result.problems.length).toBeGreaterThan(0);
    },
  );

  it('when given any value at all, then it never throws', () => {
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withSparseArray: true, withBoxedValues: true }),
        (value) => {
          const result = migrateFlow(value);
          expect('doc' in result || result.problems.length > 0).toBe(true);
        },
      ),
    );
  });

  it('when the migrations map is inspected, then there is exactly one step per version below the current', () => {
    expect(Object.keys(migrations)).toEqual(['0']);
  });
});

describe('migrateFlow round trip (property)', () => {
  it('when a valid flow is exported as JSON and imported, then it is identical and has no errors', () => {
    fc.assert(
      fc.property(validFlow, (doc) => {
        const result = migrateFlow(roundTrip(doc));
        if (!('doc' in result)) throw new Error(JSON.stringify(result.problems));
        expect(roundTrip(result.doc)).toStrictEqual(doc);
        expect(hasErrors(validateFlow(result.doc))).toBe(false);
      }),
    );
  });

  it('when a valid flow is stored in the v0 shape, then migrating restores it exactly', () => {
    fc.assert(
      fc.property(validFlow, (doc) => {
        expect(migrateFlow(roundTrip(toV0(doc)))).toStrictEqual({ doc });
      }),
    );
  });
});
