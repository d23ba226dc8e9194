// A text area for strings that may hold {{placeholders}}, with a picker that inserts a variable at
// the cursor (built-ins, the flow's declared variables and the contacts' attributes) and an optional
// character counter.
import { ActionIcon, Group, Menu, Text, Textarea, Tooltip } from '@mantine/core';
import { IconBraces } from '@tabler/icons-react';
import { memo, useCallback, useEffect, useRef, type CSSProperties } from 'react';
import grow from './grow-textarea.module.css';
import { useTranslation } from 'react-i18next';
import { contactFieldLabel } from './contact-field-label';
import { useContactFields } from './use-contact-fields';
import { useTemplateVariables } from './use-variables';

interface TemplateFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  description?: string;
  /** WhatsApp counts code points, so an emoji is one character. */
  maxChars?: number;
  minRows?: number;
  testId?: string;
}

const VariablePicker = memo(function VariablePicker({ onPick }: { onPick: (name: string) => void }) {
  const { t } = useTranslation();
  const { builtIn, declared } = useTemplateVariables();
  const contactFields = useContactFields();
  return (
    <Menu position="bottom-end" withinPortal shadow="md">
      <Menu.Target>
        <Tooltip label={t('builder.fields.insertVariable')}>
          <ActionIcon variant="light" size="sm" aria-label={t('builder.fields.insertVariable')} data-testid="variable-picker">
            <IconBraces size={14} />
          </ActionIcon>
        </Tooltip>
      </Menu.Target>
      {/* A workspace may have hundreds of attributes: the list scrolls rather than run off the screen. */}
      <Menu.Dropdown mah={360} style={{ overflowY: 'auto' }}>
        <Menu.Label>{t('builder.fields.builtInVariables')}</Menu.Label>
        {builtIn.map((name) => (
          <Menu.Item key={name} onClick={() => onPick(name)} ff="monospace" fz="xs">{`{{${name}}}`}</Menu.Item>
        ))}
        <Menu.Label>{t('builder.fields.flowVariables')}</Menu.Label>
        {declared.length === 0 && <Menu.Item disabled fz="xs">{t('builder.fields.noVariables')}</Menu.Item>}
        {declared.map((name) => (
          <Menu.Item key={name} onClick={() => onPick(name)} ff="monospace" fz="xs">{`{{${name}}}`}</Menu.Item>
        ))}
        <Menu.Label>{t('builder.fields.contactAttributes')}</Menu.Label>
        {contactFields.length === 0 && <Menu.Item disabled fz="xs">{t('builder.fields.noContactAttributes')}</Menu.Item>}
        {contactFields.map((name) => (
          <Menu.Item key={name} onClick={() => onPick(name)} fz="xs" title={`{{${name}}}`}>{contactFieldLabel(t, name)}</Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
});

export function TemplateField({ label, value, onChange, placeholder, description, maxChars, minRows = 3, testId }: TemplateFieldProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const length = Array.from(value).length;

  // The latest value and callback, so the picker's handler stays the same across keystrokes.
  const latest = useRef({ value, onChange });
  useEffect(() => {
    latest.current = { value, onChange };
  });

  const insert = useCallback((name: string) => {
    const { value: text, onChange: change } = latest.current;
    const el = ref.current;
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    const token = `{{${name}}}`;
    change(text.slice(0, start) + token + text.slice(end));
    // After React re-renders the new value, put the cursor right after the inserted placeholder.
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  }, []);

  return (
    <div>
      <Group justify="space-between" mb={4} wrap="nowrap">
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <VariablePicker onPick={insert} />
      </Group>
      <Textarea
        ref={ref}
        aria-label={label}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        placeholder={placeholder}
        description={description}
        rows={minRows}
        classNames={{ input: grow.grow }}
        style={{ '--min-rows': minRows } as CSSProperties}
        data-testid={testId}
        error={maxChars !== undefined && length > maxChars ? `${length} / ${maxChars}` : undefined}
      />
      {maxChars !== undefined && length <= maxChars && (
        <Text size="xs" c="dimmed" ta="right" mt={2}>
          {length} / {maxChars}
        </Text>
      )}
    </div>
  );
}
