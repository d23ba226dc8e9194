// The inputs for a template's values: each body variable, the header's text or file address, and
// each button that takes the end of its address or a code. Shared by the inbox's "Send a template"
// and the campaign wizard, so both offer every value the template needs.
import { Stack, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { buttonParameters, headerParameter } from '@zyntra/flows-schema';
import { useTranslation } from 'react-i18next';
import type { TemplateValues } from './template-values';

type Props = {
  components: readonly unknown[];
  values: TemplateValues;
  onChange(update: (v: TemplateValues) => TemplateValues): void;
  size?: 'xs' | 'sm';
  /** Beside each text value (body variables, a header's text): what fills it from a click, e.g. a contact field. */
  picker?(apply: (value: string) => void, name: string): ReactNode;
};

export function TemplateValueFields({ components, values, onChange, size = 'sm', picker }: Props) {
  const { t } = useTranslation();
  const header = headerParameter(components);
  const buttons = buttonParameters(components);
  // The button's address as approved, so the marketer sees which part they fill.
  const urlOf = (index: number) => {
    const list = (components as Array<{ type?: string; buttons?: Array<{ url?: string }> }>).find((c) => c.type === 'BUTTONS')?.buttons;
    return list?.[index]?.url;
  };
  const at = <T,>(list: T[], i: number, v: T) => list.map((x, j) => (j === i ? v : x));
  return (
    <Stack gap="xs">
      {header && (
        <TextInput
          size={size}
          label={t(header === 'text' ? 'inbox.template.headerText' : 'inbox.template.headerMedia')}
          description={header === 'text' ? undefined : t('inbox.template.headerMediaHint')}
          value={values.header}
          onChange={(e) => { const v = e.currentTarget.value; onChange((s) => ({ ...s, header: v })); }}
          name="param-header"
          data-testid="template-header"
          rightSection={header === 'text' ? picker?.((v) => onChange((s) => ({ ...s, header: v })), 'param-header') : undefined}
          rightSectionPointerEvents="all"
        />
      )}
      {values.body.map((value, i) => (
        <TextInput
          key={i}
          size={size}
          label={t('inbox.template.variable', { n: i + 1 })}
          value={value}
          onChange={(e) => { const v = e.currentTarget.value; onChange((s) => ({ ...s, body: at(s.body, i, v) })); }}
          name={`param-${i + 1}`}
          data-testid={`template-var-${i + 1}`}
          rightSection={picker?.((v) => onChange((s) => ({ ...s, body: at(s.body, i, v) })), `param-${i + 1}`)}
          rightSectionPointerEvents="all"
        />
      ))}
      {buttons.map((b, i) => (
        <TextInput
          key={b.index}
          size={size}
          label={t(b.subType === 'url' ? 'inbox.template.buttonUrl' : 'inbox.template.buttonCode', { n: b.index + 1 })}
          description={b.subType === 'url' ? urlOf(b.index) : undefined}
          value={values.buttons[i] ?? ''}
          onChange={(e) => { const v = e.currentTarget.value; onChange((s) => ({ ...s, buttons: at(s.buttons, i, v) })); }}
          name={`param-button-${b.index + 1}`}
          data-testid={`template-button-${b.index + 1}`}
        />
      ))}
    </Stack>
  );
}
