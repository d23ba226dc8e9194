import { Alert, Autocomplete, Badge, Button, EmptyState, Group, Paper, Skeleton, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import scroll from '../shared/scroll-shadow.module.css';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAddressBook, IconDownload, IconSearch, IconTag, IconUpload } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contactRef } from '../shared/contact-ref';
import { contactsApi, download, type Contact } from './contacts-api';
import { ContactDrawer } from './ContactDrawer';
import { ImportModal } from './ImportModal';
import { useContacts } from './use-contacts';
import { SaveFilterButton } from './SaveFilterButton';
import { useSavedFilterList } from './use-saved-filters';
import { localDay } from '../shared/local-day';
import { useTags } from './use-tags';
import { formatPhone } from '../shared/format-phone';
import { useAuthStore } from '../auth/auth-store';
import { ContactFieldsButton } from './fields/ContactFieldsButton';

export function ContactsPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [tag, setTag] = useState('');
  const [tagsRead, setTagsRead] = useState(0);
  const knownTags = useTags(true, tagsRead);
  const [dq] = useDebouncedValue(q, 300);
  const [dtag] = useDebouncedValue(tag, 300);
  const filter = useMemo(() => ({ q: dq, tag: dtag }), [dq, dtag]);
  const { state, loadMore, replace, remove, reload } = useContacts(filter);
  const [open, setOpen] = useState<Contact | null>(null);
  const [importing, setImporting] = useState(false);
  const saved = useSavedFilterList();
  // Who may edit contacts (the server's "marketing" level) renames and deletes their fields.
  const mayManage = useAuthStore((s) => s.role === 'owner' || s.role === 'admin' || s.role === 'marketer');

  const exportCsv = async () => {
    const csv = await contactsApi.exportCsv(filter);
    download(`contacts-${localDay()}.csv`, `\uFEFF${csv}`, 'text/csv');
  };

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={2}>{t('nav.contacts')}</Title>
        <Group gap="sm">
          <ContactFieldsButton mayManage={mayManage} onChanged={() => { setOpen(null); reload(); }} />
          <Button variant="default" leftSection={<IconDownload size={18} />} onClick={() => void exportCsv()} data-testid="contacts-export">
            {t('contacts.export')}
          </Button>
          <Button leftSection={<IconUpload size={18} />} onClick={() => setImporting(true)} data-testid="contacts-import">
            {t('contacts.import')}
          </Button>
        </Group>
      </Group>
      <Group gap="sm">
        <TextInput flex={1} miw={200} leftSection={<IconSearch size={16} />} placeholder={t('contacts.searchPlaceholder')} value={q} onChange={(e) => setQ(e.currentTarget.value)} data-testid="contacts-search" />
        {/* The workspace's tags as the marketer types: the filter matches a whole tag, so "atac" offers "atacado". */}
        <Autocomplete flex={1} miw={200} leftSection={<IconTag size={16} />} placeholder={t('contacts.tagPlaceholder')} data={knownTags} limit={20} value={tag} onChange={setTag} onFocus={() => setTagsRead((n) => n + 1)} data-testid="contacts-tag" />
        <SaveFilterButton q={q} tag={tag} onSaved={saved.reload} />
      </Group>
      {saved.items.length > 0 && (
        <Group gap={6} data-testid="saved-filters">
          <Text size="xs" c="dimmed">{t('contacts.savedFilters')}</Text>
          {saved.items.map((f) => (
            <Badge
              key={f.id}
              variant={q === (f.q ?? '') && tag === (f.tags[0] ?? '') ? 'filled' : 'light'}
              style={{ cursor: 'pointer', textTransform: 'none' }}
              onClick={() => { setQ(f.q ?? ''); setTag(f.tags[0] ?? ''); }}
              data-testid="saved-filter"
            >
              {f.name}
            </Badge>
          ))}
        </Group>
      )}
      {state.status === 'error' && <Alert color="red">{t('contacts.loadError')}</Alert>}
      {state.status === 'loading' && state.items.length === 0 && <Skeleton h={120} radius="md" />}
      {state.status !== 'error' && (state.status === 'ready' || state.items.length > 0) && (
        <Paper withBorder radius="md" p="xs">
          {state.items.length === 0 ? (
            dq.trim() || dtag.trim() ? (
              <Text c="dimmed" ta="center" py="xl" data-testid="contacts-empty">{t('contacts.empty')}</Text>
            ) : (
              // No contact at all yet: say where they come from, and offer the import.
              <EmptyState variant="light" size="lg" icon={<IconAddressBook />} title={t('contacts.noneTitle')} description={t('contacts.noneDescription')} py="xl" data-testid="contacts-none">
                <Button mt="sm" leftSection={<IconUpload size={18} />} onClick={() => setImporting(true)}>{t('contacts.import')}</Button>
              </EmptyState>
            )
          ) : (
            <Table.ScrollContainer minWidth={560} type="native" className={scroll.shadow}>
              <Table highlightOnHover verticalSpacing="sm" data-testid="contacts-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('contacts.name')}</Table.Th>
                    <Table.Th>{t('contacts.phone')}</Table.Th>
                    <Table.Th>{t('contacts.tags')}</Table.Th>
                    <Table.Th>{t('contacts.consent')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {state.items.map((c) => (
                    <Table.Tr key={c.id} onClick={() => setOpen(c)} style={{ cursor: 'pointer' }} data-testid={`contact-${c.id}`}>
                      <Table.Td fw={500}>{c.name?.trim() || <Text c="dimmed" span>{t('contacts.unnamed', { ref: contactRef(c.id) })}</Text>}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{c.phone && formatPhone(c.phone)}</Table.Td>
                      <Table.Td>
                        <Group gap={4}>{c.tags.map((tg) => <Badge key={tg} variant="light" size="sm" tt="none">{tg}</Badge>)}</Group>
                      </Table.Td>
                      <Table.Td>
                        {c.optedOut ? <Badge color="red" variant="light" size="sm" miw="max-content">{t('contacts.optedOut')}</Badge> : <Badge color="green" variant="light" size="sm" miw="max-content">{t('contacts.subscribed')}</Badge>}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {state.nextCursor && (
            <Group justify="center" p="sm">
              <Button variant="subtle" onClick={() => void loadMore()} data-testid="contacts-more">{t('contacts.loadMore')}</Button>
            </Group>
          )}
        </Paper>
      )}
      <ContactDrawer contact={open} onClose={() => setOpen(null)} onSaved={(c) => { replace(c); setOpen(c); }} onErased={(id) => { remove(id); setOpen(null); }} />
      <ImportModal opened={importing} onClose={() => setImporting(false)} onDone={reload} />
    </Stack>
  );
}
