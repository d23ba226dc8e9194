// One input of the generated panel, chosen by the field's kind; wording from its `.meta()`.
import { Group, NumberInput, Select, Slider, Switch, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { textIn } from '@zyntra/flows-schema';
import type { CSSProperties, ReactElement } from 'react';
import grow from '../fields/grow-textarea.module.css';
import { useLocale } from '../../../i18n/use-locale';
import { TemplateField } from '../fields/TemplateField';
import { VariableSelect } from '../fields/VariableSelect';
import type { FieldKind, FormField } from './form-fields';

export interface ConfigFieldProps {
  field: FormField;
  value: unknown;
  onChange: (value: unknown) => void;
  testId: string;
}

type Texts = { label: string; hint?: string; placeholder?: string };
type Render = (p: ConfigFieldProps, t: Texts, option: (v: string) => string) => ReactElement;

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' ? v : '');

function numberValue(field: FormField, v: string | number): number | null | undefined {
  if (typeof v === 'number') return v;
  // Emptied: null where the schema allows it; otherwise keep the old value until a number is typed.
  return field.nullable ? null : undefined;
}

const renderers: Record<FieldKind, Render> = {
  text: ({ field, value, onChange, testId }, t) => (
    <TextInput label={t.label} description={t.hint} placeholder={t.placeholder} value={str(value)} data-testid={testId}
      onChange={(e) => onChange(field.nullable && e.currentTarget.value === '' ? null : e.currentTarget.value)} />
  ),
  textarea: ({ value, onChange, testId, field }, t) => (
    <Textarea label={t.label} description={t.hint} placeholder={t.placeholder} value={str(value)} rows={field.meta.rows ?? 3} classNames={{ input: grow.grow }}
      style={{ '--min-rows': field.meta.rows ?? 3 } as CSSProperties}
      onChange={(e) => onChange(e.currentTarget.value)} data-testid={testId} />
  ),
  template: ({ value, onChange, testId, field }, t) => (
    <TemplateField label={t.label} description={t.hint} placeholder={t.placeholder} value={str(value)} onChange={onChange} minRows={field.meta.rows} testId={testId} />
  ),
  number: ({ field, value, onChange, testId }, t) => (
    <NumberInput label={t.label} description={t.hint} placeholder={t.placeholder} min={field.min} max={field.max} step={field.step} clampBehavior="strict"
      allowDecimal={!field.integer} value={num(value)} data-testid={testId}
      onChange={(v) => {
        const next = numberValue(field, v);
        if (next !== undefined) onChange(next);
      }} />
  ),
  slider: ({ field, value, onChange, testId }, t) => (
    <div data-testid={testId}>
      <Group justify="space-between">
        <Text size="sm" fw={500}>{t.label}</Text>
        <Text size="sm" c="dimmed">{typeof value === 'number' ? value.toFixed(1) : ''}</Text>
      </Group>
      <Slider min={field.min} max={field.max} step={field.step} value={typeof value === 'number' ? value : 0} onChange={onChange} label={null} mb="xs" aria-label={t.label} />
      {t.hint && <Text size="xs" c="dimmed">{t.hint}</Text>}
    </div>
  ),
  switch: ({ value, onChange, testId }, t) => (
    <Switch label={t.label} description={t.hint} checked={value === true} onChange={(e) => onChange(e.currentTarget.checked)} data-testid={testId} />
  ),
  select: ({ field, value, onChange, testId }, t, option) => (
    <Select label={t.label} description={t.hint} placeholder={t.placeholder} data={(field.options ?? []).map((v) => ({ value: v, label: option(v) }))}
      value={typeof value === 'string' ? value : null} clearable={field.nullable}
      onChange={(v) => (v !== null || field.nullable) && onChange(v)} comboboxProps={{ withinPortal: true }} data-testid={testId} />
  ),
  tags: ({ value, onChange, testId }, t) => (
    <TagsInput label={t.label} description={t.hint} placeholder={t.placeholder} value={Array.isArray(value) ? (value as string[]) : []} onChange={onChange} data-testid={testId} />
  ),
  variable: ({ value, onChange, testId }, t) => (
    <VariableSelect label={t.label} value={typeof value === 'string' ? value : null} onChange={onChange} testId={testId} />
  ),
};

export function ConfigField(props: ConfigFieldProps) {
  const locale = useLocale();
  const { meta } = props.field;
  const texts = { label: meta.label[locale], hint: textIn(meta.hint, locale), placeholder: textIn(meta.placeholder, locale) };
  const option = (v: string) => meta.optionLabels?.[v]?.[locale] ?? v;
  return renderers[props.field.kind](props, texts, option);
}
