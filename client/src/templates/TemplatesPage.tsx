import { ActionIcon, Alert, Badge, Button, Group, Paper, Select, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import scroll from '../shared/scroll-shadow.module.css';
import { Link } from 'react-router';
import { notifications } from '@mantine/notifications';
import { IconEye, IconPlus, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/error-text';
import { useLiveRefresh } from '../shared/use-live-refresh';
import { channelsApi, type Channel } from '../settings/channels/channels-api';
import { DeleteTemplate } from './DeleteTemplate';
import { TemplateDetail } from './TemplateDetail';
import { TemplateForm } from './TemplateForm';
import { languageName } from './language-name';
import { STATUS_COLORS, templatesApi, type Template } from './templates-api';

const POLL_MS = 3000;

/**
 * A WhatsApp channel's templates with their review status. Meta's verdicts (and syncs, deletions made
 * elsewhere) arrive live as `template.updated`; polling while one awaits review and reading again on
 * return to the tab stay for a realtime line that is down.
 */
export function TemplatesPage() {
  const { t, i18n } = useTranslation();
  const [channels, setChannels] = useState<Channel[] | null>(null);
  const [channelId, setChannelId] = useState<string | null>(null);
  // null while the first read is under way: the page then shows a placeholder, not "no templates yet".
  const [items, setItems] = useState<Template[] | null>(null);
  const [creating, setCreating] = useState(false);
  const [syncing, setSyncing] = useState(false);
  const [deleting, setDeleting] = useState<Template | null>(null);
  // By id: the drawer follows the list, so a review (or an edit) that arrives shows in it at once.
  const [viewingId, setViewingId] = useState<string | null>(null);
  const [editing, setEditing] = useState<Template | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Why the last sync failed, kept on the page (a toast went before it was read, leaving "no templates yet").
  const [syncError, setSyncError] = useState<string | null>(null);

  useEffect(() => {
    channelsApi.list().then((r) => {
      const wa = r.items.filter((c) => c.type === 'whatsapp_cloud');
      setChannels(wa);
      setChannelId((id) => id ?? wa[0]?.id ?? null);
    }, () => setError(t('templates.loadError')));
  }, [t]);

  const load = useCallback(async () => {
    if (!channelId) return;
    try {
      setItems((await templatesApi.list(channelId)).items);
    } catch {
      setError(t('templates.loadError'));
    }
  }, [channelId, t]);
  useEffect(() => void load(), [load]);
  // One read for a burst: a sync announces every template it changed.
  useLiveRefresh((e) => e.type === 'template.updated' && e.channelId === channelId, load);

  // Back on the tab (Meta's review took hours, or the marketer checked Meta's tools): read the list
  // again, so a review that arrived meanwhile shows without a reload.
  useEffect(() => {
    // Coming back fires both events (the tab shows, the window gets the focus): one read is enough.
    let last = 0;
    const onVisible = () => {
      if (document.visibilityState !== 'visible' || Date.now() - last < 2_000) return;
      last = Date.now();
      void load();
    };
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', onVisible);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', onVisible);
    };
  }, [load]);

  const waiting = (items ?? []).some((x) => x.status === 'PENDING');
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => void load(), POLL_MS);
    return () => clearInterval(timer);
  }, [waiting, load]);

  const sync = async () => {
    if (!channelId) return;
    setSyncing(true);
    setSyncError(null);
    try {
      setItems((await templatesApi.sync(channelId)).items);
      notifications.show({ message: t('templates.synced'), color: 'green' });
    } catch (err) {
      setSyncError(errorText(t, err, { unavailable: 'templates.unreachable', validation_failed: 'templates.syncRefused' }));
    } finally {
      setSyncing(false);
    }
  };

  const saved = (x: Template) => {
    setItems((all) => [...(all ?? []).filter((y) => y.id !== x.id), x].sort((a, b) => a.name.localeCompare(b.name) || a.language.localeCompare(b.language)));
    if (editing) notifications.show({ message: t('templates.resubmitted', { name: x.name, interpolation: { escapeValue: false } }), color: 'green' });
    setCreating(false);
    setEditing(null);
  };
  const viewing = items?.find((x) => x.id === viewingId) ?? null;

  const deleted = (id: string) => {
    const gone = items?.find((x) => x.id === id);
    setItems((all) => (all ?? []).filter((x) => x.id !== id));
    setDeleting(null);
    if (gone) notifications.show({ message: t('templates.deleted', { name: gone.name, language: gone.language, interpolation: { escapeValue: false } }), color: 'green' });
  };

  if (channels && channels.length === 0) {
    return (
      <Stack>
        <Title order={2}>{t('nav.templates')}</Title>
        <Alert>
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{t('templates.noChannel')}</Text>
            <Button component={Link} to="/settings?tab=channels" size="xs" data-testid="templates-add-channel">{t('templates.addChannel')}</Button>
          </Stack>
        </Alert>
      </Stack>
    );
  }
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={2}>{t('nav.templates')}</Title>
        <Group gap="sm">
          {channels && channels.length > 1 && <Select data={channels.map((c) => ({ value: c.id, label: c.name }))} value={channelId} onChange={setChannelId} />}
          {/* Until the channels are read there is nothing to sync: a click then did nothing at all. */}
          <Button variant="default" leftSection={<IconRefresh size={18} />} loading={syncing} onClick={() => void sync()} disabled={!channelId} data-testid="templates-sync">{t('templates.sync')}</Button>
          <Button leftSection={<IconPlus size={18} />} onClick={() => setCreating(true)} disabled={!channelId} data-testid="templates-new">{t('templates.new')}</Button>
        </Group>
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {syncError && (
        <Alert color="red" title={t('templates.syncFailed')} withCloseButton closeButtonLabel={t('templates.dismiss')} onClose={() => setSyncError(null)} data-testid="templates-sync-error">
          {syncError}
        </Alert>
      )}
      <Paper withBorder radius="md" p="xs">
        {items === null && !error ? <Skeleton h={120} data-testid="templates-loading" /> : !items?.length ? <Text c="dimmed" ta="center" py="xl">{t('templates.empty')}</Text> : (
          // On a phone the table scrolls inside its frame instead of widening the page.
          <Table.ScrollContainer minWidth={560} type="native" className={scroll.shadow}>
            <Table verticalSpacing="sm" data-testid="templates-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('templates.name')}</Table.Th><Table.Th>{t('templates.language')}</Table.Th><Table.Th>{t('templates.category')}</Table.Th>
                  <Table.Th>{t('templates.status')}</Table.Th><Table.Th>{t('templates.quality')}</Table.Th><Table.Th w={120} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((x) => (
                  // A click anywhere on the row opens it; the View button is the same for the keyboard and screen readers.
                  <Table.Tr key={x.id} data-testid={`template-${x.name}`} data-language={x.language} onClick={() => setViewingId(x.id)} style={{ cursor: 'pointer' }}>
                    <Table.Td ff="monospace">{x.name}</Table.Td>
                    {/* Named in the reader's language; WhatsApp's own code (pt_BR) on hover. */}
                    <Table.Td title={x.language} data-testid="template-language">{languageName(x.language, i18n.language)}</Table.Td>
                    <Table.Td>{t(`templates.categories.${x.category}`, { defaultValue: x.category })}</Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLORS[x.status] ?? 'gray'} variant="light" data-testid="template-status" data-status={x.status}>{t(`templates.statuses.${x.status}`, { defaultValue: x.status })}</Badge>
                      {x.reason && <Text size="xs" c="dimmed" data-testid="template-reason">{t(`templates.reasons.${x.reason}`, { defaultValue: x.reason })}</Text>}
                    </Table.Td>
                    <Table.Td>{x.qualityScore ? t(`templates.qualities.${x.qualityScore}`, { defaultValue: x.qualityScore }) : '—'}</Table.Td>
                    <Table.Td onClick={(e) => e.stopPropagation()}>
                      <Group gap={4} wrap="nowrap">
                        <Button size="compact-sm" variant="subtle" leftSection={<IconEye size={16} />} onClick={() => setViewingId(x.id)}
                          aria-label={t('templates.viewLabel', { name: x.name, language: x.language, interpolation: { escapeValue: false } })} data-testid="template-view">{t('templates.view')}</Button>
                        <ActionIcon variant="subtle" color="red" onClick={() => setDeleting(x)} aria-label={t('templates.deleteLabel', { name: x.name, language: x.language, interpolation: { escapeValue: false } })} data-testid="template-delete">
                          <IconTrash size={18} />
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {channelId && <DeleteTemplate channelId={channelId} template={deleting} onClose={() => setDeleting(null)} onDeleted={deleted} />}
      <TemplateDetail template={viewing} onClose={() => setViewingId(null)} onEdit={setEditing} onDelete={(x) => { setViewingId(null); setDeleting(x); }} />
      {channelId && <TemplateForm channelId={channelId} opened={creating} onClose={() => setCreating(false)} onSaved={saved} />}
      {/* Keyed by the template: each edit starts from that template's parts. */}
      {channelId && editing && <TemplateForm key={editing.id} channelId={channelId} opened editing={editing} onClose={() => setEditing(null)} onSaved={saved} />}
    </Stack>
  );
}
