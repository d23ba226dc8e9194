// "Fields" on the contacts page: the workspace's contact fields (an import's extra columns, the
// attributes typed on a contact or set by a flow), each with how many contacts have a value and the
// flows that use it, to rename (a misspelt "cidadee", an import's "CIDADE") or delete on every
// contact at once.
import { Alert, Badge, Button, Group, Modal, Skeleton, Stack, Table, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconForms, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../flows-list/notify';
import { contactsApi, type ContactField } from '../contacts-api';
import { FlowsUsing } from './FlowsUsing';
import { RenameFieldModal } from './RenameFieldModal';
import { useContactFields } from './use-contact-fields';

/** `onChanged`: contacts' attributes changed (the page's open drawer and list read them again). */
export function ContactFieldsButton({ mayManage, onChanged }: { mayManage: boolean; onChanged(): void }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [renaming, setRenaming] = useState<ContactField | null>(null);
  const { state, reload } = useContactFields(opened);
  const changed = () => { reload(); onChanged(); };

  const askDelete = (field: ContactField) =>
    modals.openConfirmModal({
      // Above the fields list it is asked from (the shared modals sit below a page's own).
      zIndex: 300,
      title: t('contacts.fields.deleteTitle', { name: field.key }),
      children: (
        <Stack gap="sm">
          <Text size="sm" data-testid="field-delete-text">{t('contacts.fields.deleteText', { count: field.contacts, name: field.key })}</Text>
          <FlowsUsing field={field} />
        </Stack>
      ),
      labels: { confirm: t('contacts.fields.delete'), cancel: t('contacts.cancel') },
      confirmProps: { color: 'red', 'data-testid': 'field-delete-confirm' } as Record<string, string>,
      onConfirm: () => void contactsApi.deleteField(field.key).then(
        (done) => { notifications.show({ color: 'teal', message: t('contacts.fields.deleted', { count: done.contacts, name: done.name }) }); changed(); },
        (err) => notifyError(t, err),
      ),
    });

  return (
    <>
      <Button variant="default" leftSection={<IconForms size={18} />} onClick={() => setOpened(true)} data-testid="contacts-fields">{t('contacts.fields.button')}</Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('contacts.fields.title')} size="xl">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">{t('contacts.fields.intro', { example: '{{contact.cidade}}' })}</Text>
          {state.status === 'error' && <Alert color="red">{t('contacts.fields.loadError')}</Alert>}
          {state.status === 'loading' && state.items.length === 0 && <Skeleton h={80} />}
          {state.status === 'ready' && state.items.length === 0 && <Text c="dimmed" ta="center" py="md" data-testid="fields-empty">{t('contacts.fields.empty')}</Text>}
          {state.items.length > 0 && (
            <Table.ScrollContainer minWidth={520} type="native">
              <Table verticalSpacing="xs" data-testid="fields-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('contacts.fields.colName')}</Table.Th>
                    <Table.Th ta="right">{t('contacts.fields.colContacts')}</Table.Th>
                    <Table.Th>{t('contacts.fields.colFlows')}</Table.Th>
                    {mayManage && <Table.Th />}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {state.items.map((f) => (
                    <Table.Tr key={f.key} data-testid="field-row" data-field={f.key}>
                      <Table.Td fw={500} style={{ wordBreak: 'break-all' }}>{f.key}</Table.Td>
                      <Table.Td ta="right">{f.contacts}</Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {f.flows.length === 0 ? <Text c="dimmed" size="sm">—</Text> : f.flows.map((fl) => <Badge key={fl.id} variant="light" size="sm" tt="none">{fl.name}</Badge>)}
                        </Group>
                      </Table.Td>
                      {mayManage && (
                        <Table.Td>
                          <Group gap={4} justify="flex-end" wrap="nowrap">
                            <Button size="xs" variant="subtle" leftSection={<IconPencil size={14} />} onClick={() => setRenaming(f)} data-testid="field-rename">{t('contacts.fields.rename')}</Button>
                            <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={() => askDelete(f)} data-testid="field-delete">{t('contacts.fields.delete')}</Button>
                          </Group>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      </Modal>
      <RenameFieldModal field={renaming} fields={state.items} onClose={() => setRenaming(null)} onDone={changed} />
    </>
  );
}
