// Beside a template variable's input: the contact fields it can be filled with (name, phone, the
// workspace's attributes), so nobody has to know to type {{contact.name}}. Picking one puts its
// placeholder in the input, replacing what was there (a variable is one value).
import { ActionIcon, Menu, Tooltip } from '@mantine/core';
import { IconVariable } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type ContactField, placeholderOf } from './contact-fields';

type Props = { fields: ContactField[]; language: string; onPick(placeholder: string): void; testId: string };

export function VariablePicker({ fields, language, onPick, testId }: Props) {
  const { t } = useTranslation();
  // The word for a nameless contact is in the message's language, not necessarily the screen's.
  const fallback = t('campaigns.picker.nameFallback', { lng: language.replace('_', '-') });
  const label = (f: ContactField) => (f.kind === 'attribute' ? f.key : t(f.kind === 'name' ? 'campaigns.picker.name' : 'campaigns.picker.phone'));
  const attributes = fields.filter((f) => f.kind === 'attribute');
  const item = (f: ContactField) => (
    <Menu.Item key={f.kind === 'attribute' ? `a:${f.key}` : f.kind} onClick={() => onPick(placeholderOf(f, fallback))} data-testid={`${testId}-option`}>{label(f)}</Menu.Item>
  );
  return (
    <Menu position="bottom-end" withinPortal shadow="md">
      <Menu.Target>
        <Tooltip label={t('campaigns.picker.open')} withinPortal>
          <ActionIcon variant="subtle" aria-label={t('campaigns.picker.open')} data-testid={testId}><IconVariable size={18} /></ActionIcon>
        </Tooltip>
      </Menu.Target>
      <Menu.Dropdown mah={320} style={{ overflowY: 'auto' }}>
        <Menu.Label>{t('campaigns.picker.contact')}</Menu.Label>
        {fields.filter((f) => f.kind !== 'attribute').map(item)}
        {attributes.length > 0 && <Menu.Label>{t('campaigns.picker.attributes')}</Menu.Label>}
        {attributes.map(item)}
      </Menu.Dropdown>
    </Menu>
  );
}
