// A node config's field wording in one language, read from the definition's zod `.meta()`. The
// panels never spell a field's label, hint, placeholder or option names themselves.
import { fieldMeta, textIn, type FieldMeta, type Locale } from '@zyntra/flows-schema';
import type { z } from 'zod';

export interface FieldText {
  label(path: string): string;
  hint(path: string): string | undefined;
  placeholder(path: string): string | undefined;
  /** The label of one value (an enum member, a well-known operand); the value itself otherwise. */
  option(path: string, value: string): string;
  options<V extends string>(path: string, values: readonly V[]): Array<{ value: V; label: string }>;
}

export function fieldText(config: z.ZodType, locale: Locale): FieldText {
  const meta = (path: string): FieldMeta => {
    const found = fieldMeta(config, path);
    // A missing label is a bug in the definition; flows-schema's field-meta test catches it first.
    if (!found) throw new Error(`No field metadata at "${path}"`);
    return found;
  };
  const option = (path: string, value: string) => meta(path).optionLabels?.[value]?.[locale] ?? value;
  return {
    label: (path) => meta(path).label[locale],
    hint: (path) => textIn(meta(path).hint, locale),
    placeholder: (path) => textIn(meta(path).placeholder, locale),
    option,
    options: (path, values) => values.map((value) => ({ value, label: option(path, value) })),
  };
}
