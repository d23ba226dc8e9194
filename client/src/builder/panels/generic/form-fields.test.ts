import { field, nodeRegistry } from '@zyntra/flows-schema';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formFields } from './form-fields';

const label = { en: 'L', 'pt-BR': 'L' };

describe('generated panel fields', () => {
  it('when a flat config is read, then each field gets the input its zod type and meta ask for', () => {
    const config = z.object({
      prompt: field(z.string(), { label, widget: 'template' }),
      name: field(z.string(), { label }),
      count: field(z.int().min(1).max(9), { label }),
      ratio: field(z.number().min(0).max(2), { label, widget: 'slider', step: 0.1 }),
      on: field(z.boolean(), { label }),
      mode: field(z.enum(['a', 'b']), { label }),
      tags: field(z.array(z.string()), { label }),
      saveAs: field(z.string().nullable(), { label, widget: 'variable' }),
      limit: field(z.int().min(1).nullable(), { label }),
      secret: field(z.string(), { label, widget: 'hidden' }),
    });
    const fields = formFields(config);
    expect(fields.map((f) => [f.path, f.kind])).toEqual([
      ['prompt', 'template'], ['name', 'text'], ['count', 'number'], ['ratio', 'slider'], ['on', 'switch'],
      ['mode', 'select'], ['tags', 'tags'], ['saveAs', 'variable'], ['limit', 'number'],
    ]);
    expect(fields[2]).toMatchObject({ min: 1, max: 9, step: 1, integer: true, nullable: false });
    expect(fields[3]).toMatchObject({ min: 0, max: 2, step: 0.1, integer: false });
    expect(fields[5]!.options).toEqual(['a', 'b']);
    expect(fields[8]).toMatchObject({ nullable: true, integer: true });
    expect(formFields(config, ['prompt', 'name']).map((f) => f.path)[0]).toBe('count');
  });

  it('when a field has no label or is a list of objects, then the generated panel refuses it', () => {
    expect(() => formFields(z.object({ bare: z.string() }))).toThrow(/no \.meta\(\) label/);
    expect(() => formFields(z.object({ rows: field(z.array(z.object({ a: z.string() })), { label }) }))).toThrow(/hand-written panel/);
  });

  it('when the AI reply and transfer configs are read, then every field is drawable', () => {
    expect(formFields(nodeRegistry.ai_reply.config).map((f) => f.kind)).toEqual(['template', 'text', 'slider', 'number', 'number', 'number', 'variable']);
    expect(formFields(nodeRegistry.transfer.config, ['team']).map((f) => f.path)).toEqual(['message', 'tags']);
  });
});
