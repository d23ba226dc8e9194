// What the editor shows for one config field, attached to the zod schema with `.meta()`: the
// node definition is the one place a field's wording lives, for the generated form and the
// hand-written panels alike. Localized texts carry both languages; a plain string reads the same
// in every language (an id, a URL, a regex).
import type { z } from 'zod';
import type { Locale, Localized } from '../localized';

export type Text = Localized | string;

/** How the generated form edits a field when its zod type alone does not say enough. */
export type FieldWidget = 'text' | 'textarea' | 'template' | 'variable' | 'slider' | 'tags' | 'hidden';

export interface FieldMeta {
  label: Localized;
  /** One line of help under the field. (Not `description`: JSON Schema reserves that for a string.) */
  hint?: Localized;
  /** An example, never a value: shown dimmed and starting with "e.g." in the editor. */
  placeholder?: Text;
  /** Labels of the values an enum (or a string with well-known values) may take. */
  optionLabels?: Readonly<Record<string, Localized>>;
  widget?: FieldWidget;
  /** Slider and number step; integers step by 1. */
  step?: number;
  rows?: number;
}

/** Attaches typed editor metadata to a schema (zod's own `.meta()` accepts any object). */
export function field<S extends z.ZodType>(schema: S, meta: FieldMeta): S {
  return schema.meta(meta as unknown as Record<string, unknown>) as S;
}

export function textIn(text: Text | undefined, locale: Locale): string | undefined {
  if (text === undefined) return undefined;
  return typeof text === 'string' ? text : text[locale];
}

type Def = { type: string; innerType?: z.ZodType; element?: z.ZodType; shape?: Record<string, z.ZodType> };
const defOf = (schema: z.ZodType) => (schema as unknown as { def: Def }).def;

/** Strips nullable/optional/default wrappers, keeping the meta of the outermost one that has it. */
export function unwrapField(schema: z.ZodType): { inner: z.ZodType; meta: FieldMeta | undefined; nullable: boolean } {
  let current = schema;
  let meta = current.meta() as FieldMeta | undefined;
  let nullable = false;
  for (;;) {
    const def = defOf(current);
    if (!['nullable', 'optional', 'default', 'prefault'].includes(def.type) || !def.innerType) break;
    if (def.type === 'nullable') nullable = true;
    current = def.innerType;
    meta ??= current.meta() as FieldMeta | undefined;
  }
  return { inner: current, meta, nullable };
}

/** The child schema at one segment of a path: an object key, or any index of an array. */
function child(schema: z.ZodType, segment: string): z.ZodType | undefined {
  const { inner } = unwrapField(schema);
  const def = defOf(inner);
  if (def.type === 'array') return /^\d+$/.test(segment) || segment === '*' ? def.element : undefined;
  if (def.type === 'object') return def.shape?.[segment];
  return undefined;
}

/** The schema at a dotted path inside a config ("keywords.0.value", or "keywords.*.value"). */
export function fieldSchema(config: z.ZodType, path: string): z.ZodType | undefined {
  let current: z.ZodType | undefined = config;
  for (const segment of path === '' ? [] : path.split('.')) {
    if (!current) return undefined;
    current = child(current, segment);
  }
  return current;
}

/** The editor metadata of the field at `path`, if it has any. */
export function fieldMeta(config: z.ZodType, path: string): FieldMeta | undefined {
  const schema = fieldSchema(config, path);
  return schema ? unwrapField(schema).meta : undefined;
}

/** Every path of an object schema that is a leaf (not an object or an array of objects); "*" for any index. */
export function leafPaths(config: z.ZodType, prefix = ''): string[] {
  const { inner } = unwrapField(config);
  const def = defOf(inner);
  if (def.type === 'object' && def.shape) {
    return Object.entries(def.shape).flatMap(([key, value]) => leafPaths(value, prefix ? `${prefix}.${key}` : key));
  }
  if (def.type === 'array' && def.element) {
    const element = unwrapField(def.element).inner;
    if (defOf(element).type === 'object') return leafPaths(def.element, `${prefix}.*`);
  }
  return [prefix];
}
