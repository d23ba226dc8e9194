// Reads a flat zod object config into the list of inputs the generated panel draws. Pure, so the
// mapping from schema to inputs is tested without React. Nested objects and lists of objects are
// beyond a generated form: such a step gets a hand-written panel.
import { unwrapField, type FieldMeta } from '@zyntra/flows-schema';
import type { z } from 'zod';

export type FieldKind = 'text' | 'textarea' | 'template' | 'number' | 'slider' | 'switch' | 'select' | 'tags' | 'variable';

export interface FormField {
  path: string;
  kind: FieldKind;
  meta: FieldMeta;
  /** null is a legal value (an optional choice such as "save the answer in"). */
  nullable: boolean;
  min?: number;
  max?: number;
  step?: number;
  integer: boolean;
  options?: string[];
}

interface Inner {
  def: { type: string; element?: { def: { type: string } } };
  minValue?: number | null;
  maxValue?: number | null;
  isInt?: boolean;
  options?: string[];
}

function kindOf(inner: Inner, meta: FieldMeta): FieldKind | null {
  const type = inner.def.type;
  if (meta.widget && meta.widget !== 'hidden') return meta.widget;
  if (type === 'string') return 'text';
  if (type === 'number') return 'number';
  if (type === 'boolean') return 'switch';
  if (type === 'enum') return 'select';
  if (type === 'array' && inner.def.element?.def.type === 'string') return 'tags';
  return null;
}

const finite = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? undefined : v);

function toField(path: string, schema: z.ZodType): FormField | null {
  const { inner, meta, nullable } = unwrapField(schema);
  if (!meta) throw new Error(`Field "${path}" has no .meta() label, so the generated panel cannot show it`);
  if (meta.widget === 'hidden') return null;
  const info = inner as unknown as Inner;
  const kind = kindOf(info, meta);
  if (!kind) throw new Error(`Field "${path}" (${info.def.type}) needs a hand-written panel`);
  const integer = info.isInt === true;
  return {
    path,
    kind,
    meta,
    nullable,
    min: finite(info.minValue),
    max: finite(info.maxValue),
    step: meta.step ?? (integer ? 1 : undefined),
    integer,
    options: info.options,
  };
}

/** The inputs for every top-level field of an object config, in declaration order. */
export function formFields(config: z.ZodType, omit: readonly string[] = []): FormField[] {
  const shape = (config as unknown as { def: { shape?: Record<string, z.ZodType> } }).def.shape;
  if (!shape) throw new Error('A generated panel needs an object config');
  return Object.entries(shape)
    .filter(([key]) => !omit.includes(key))
    .flatMap(([key, schema]) => toField(key, schema) ?? []);
}
