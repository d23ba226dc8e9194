import { z } from 'zod';
import { flowDocumentSchema } from './flow-document';

/**
 * JSON Schema (draft 2020-12) of a flow document as written to disk: fields with defaults are
 * optional, as the parser fills them. It covers shape only; graph and content rules live in
 * validateFlow. flow.schema.json is this output, checked in for tools outside TypeScript.
 */
export function flowJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(flowDocumentSchema, { io: 'input', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
}
