// "Save filter": names the current search (text and tag) so a campaign can send to the contacts it selects.
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBookmark } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../flows-list/notify';
import { ApiError } from '../api/errors';
import { savedFiltersApi } from './contacts-api';

export function SaveFilterButton({ q, tag, onSaved }: { q: string; tag: string; onSaved(): void }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  // A name the workspace has already given a filter: said on the field, where it can be changed.
  const [taken, setTaken] = useState(false);
  const empty = q.trim() === '' && tag.trim() === '';

  const save = async () => {
    setBusy(true);
    try {
      await savedFiltersApi.create({ name: name.trim(), ...(q.trim() ? { q: q.trim() } : {}), tags: tag.trim() ? [tag.trim()] : [] });
      notifications.show({ color: 'teal', message: t('contacts.saveFilterDone') });
      setOpened(false);
      setName('');
      onSaved();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'conflict') setTaken(true);
      else notifyError(t, err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button variant="default" leftSection={<IconBookmark size={16} />} disabled={empty} onClick={() => setOpened(true)} data-testid="contacts-save-filter">
        {t('contacts.saveFilter')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('contacts.saveFilterTitle')}>
        <Stack gap="sm">
          <TextInput label={t('contacts.saveFilterName')} value={name} onChange={(e) => { setName(e.currentTarget.value); setTaken(false); }} maxLength={80}
            error={taken ? t('contacts.saveFilterNameTaken') : undefined} data-autofocus data-testid="save-filter-name" />
          <Text size="xs" c="dimmed">{t('contacts.saveFilterHint')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)}>{t('contacts.saveFilterCancel')}</Button>
            <Button onClick={() => void save()} loading={busy} disabled={name.trim() === ''} data-testid="save-filter-submit">{t('contacts.saveFilterSave')}</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
