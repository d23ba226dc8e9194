import { describe, expect, it } from 'vitest';
import checkedIn from '../flow.schema.json' with { type: 'json' };
import { flowJsonSchema } from './json-schema';
import { NODE_TYPES } from './nodes';

describe('flow.schema.json', () => {
  it('when compared with the schema generated from the zod types, then it is up to date', () => {
    expect(
      flowJsonSchema(),
      'flow.schema.json is stale: run npx tsx flows-schema/scripts/generate-json-schema.ts',
    ).toEqual(checkedIn);
  });

  it('when generated, then it describes every node type and marks defaulted settings optional', () => {
    const text = JSON.stringify(flowJsonSchema());
    for (const type of NODE_TYPES) expect(text).toContain(`"const":"${type}"`);
    const schema = flowJsonSchema() as {
      required: string[];
      properties: { settings: { required?: string[] } };
    };
    expect(schema.required).toEqual(['schemaVersion', 'nodes', 'edges']);
    expect(schema.properties.settings.required ?? []).toEqual([]);
  });
});
