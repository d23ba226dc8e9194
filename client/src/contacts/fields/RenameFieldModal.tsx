// Renaming a contact field: the new name is checked as typed, the dialog says what will happen to
// the values (letter case only, a new name, merged into a field that exists) and names the flows
// that still use the old name.
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../flows-list/notify';
import { contactsApi, type ContactField } from '../contacts-api';
import { FlowsUsing } from './FlowsUsing';
import { renamePlan } from './rename-plan';

type Props = { field: ContactField | null; fields: readonly ContactField[]; onClose(): void; onDone(): void };

export function RenameFieldModal({ field, fields, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => setName(field?.key ?? ''), [field]);
  if (!field) return null;
  const plan = renamePlan(field.key, name, fields);
  const typed = name.trim() !== field.key;
  const error = plan.kind === 'refused' && typed
    ? (plan.problem === 'same' ? undefined : t(`contacts.attributeNameInvalid.${plan.problem}`, { key: name.trim() }))
    : undefined;

  const rename = async () => {
    setBusy(true);
    try {
      const done = await contactsApi.renameField(field.key, name.trim());
      const merged = done.merged > 0 ? ` ${t('contacts.fields.renamedMerged', { count: done.merged, to: done.to })}` : '';
      notifications.show({ color: 'teal', message: t('contacts.fields.renamed', { count: done.contacts, from: done.from, to: done.to }) + merged });
      onDone();
      onClose();
    } catch (err) {
      notifyError(t, err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('contacts.fields.renameTitle', { name: field.key })}>
      <Stack gap="sm">
        <TextInput label={t('contacts.fields.newName')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={error} data-autofocus data-testid="field-new-name" />
        {plan.kind === 'case' && <Text size="sm">{t('contacts.fields.renameCase')}</Text>}
        {plan.kind === 'new' && <Text size="sm">{t('contacts.fields.renameNew', { count: field.contacts, name: name.trim() })}</Text>}
        {plan.kind === 'merge' && (
          <Text size="sm" data-testid="field-merge-note">{t('contacts.fields.renameMerge', { name: field.key, into: plan.into.key })}</Text>
        )}
        <FlowsUsing field={field} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('contacts.cancel')}</Button>
          <Button onClick={() => void rename()} loading={busy} disabled={plan.kind === 'refused'} data-testid="field-rename-confirm">{t('contacts.fields.rename')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
