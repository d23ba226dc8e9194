import { Alert, Anchor, Button, EmptyState, Group, Paper, Progress, Select, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import scroll from '../shared/scroll-shadow.module.css';
import { IconAlertTriangle, IconCalendarTime, IconClock, IconPlayerPause, IconPlayerPlay, IconSpeakerphone, IconX } from '@tabler/icons-react';
import { modals } from '@mantine/modals';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { timeZoneLabel } from '@zyntra/flows-schema';
import { useLocale } from '../i18n/use-locale';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../flows-list/format-time';
import { notifyError } from '../flows-list/notify';
import { campaignsApi, RECIPIENT_STATUSES, type RecipientStatus } from './campaigns-api';
import { StatusBadge } from './StatusBadge';
import { shownStatus } from './shown-status';
import { TestSend } from './TestSend';
import { confirmStart } from './confirm-start';
import { startWarnings } from './start-warnings';
import { channelsApi } from '../settings/channels/channels-api';
import { beginsText } from './begins-text';
import { sendingBegins } from './sending-hours';
import { AudienceCountLine } from './AudienceCountLine';
import { formatPhone } from '../shared/format-phone';
import { useCampaignAudience } from './use-audience-count';
import { useCampaign, useRecipients } from './use-campaign';
import { useCampaignActions } from './use-campaign-actions';

const BAR: Array<[RecipientStatus, string]> = [['read', 'green'], ['replied', 'grape'], ['delivered', 'teal'], ['sent', 'blue'], ['failed', 'red'], ['skipped', 'orange']];

export function CampaignPage() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const { id = '' } = useParams();
  const [counting, setCounting] = useState(false);
  const { campaign: c, error, reload } = useCampaign(id);
  const [filter, setFilter] = useState<RecipientStatus | null>(null);
  const recipients = useRecipients(id, filter, c?.counts);
  const { busy, act } = useCampaignActions(id, reload);
  // Until it starts, the progress is all zeros: say whom it will reach instead.
  const audience = useCampaignAudience(id, c?.status === 'draft' || c?.status === 'scheduled');
  if (!c && error) {
    return (
      <EmptyState variant="light" color={error === 'missing' ? 'gray' : 'red'} size="lg" py="xl" icon={<IconSpeakerphone />} title={t(error === 'missing' ? 'campaigns.notFound' : 'campaigns.loadError')} data-testid="campaign-unavailable">
        <EmptyState.Actions>
          <Button component={Link} to="/campaigns" variant="default">{t('campaigns.back')}</Button>
          {error === 'failed' && <Button onClick={() => void reload()}>{t('inbox.retry')}</Button>}
        </EmptyState.Actions>
      </EmptyState>
    );
  }
  if (!c) return <Skeleton h={240} radius="md" data-testid="campaign-loading" />;
  const total = Math.max(1, c.counts.total);
  // Re-read with the campaign every second while it runs: the line goes once the hours open.
  const begins = sendingBegins(new Date(), c.window, c.timeZone);
  const start = () => {
    setCounting(true);
    // The channels read only for their warnings: when they cannot be read the start still goes ahead.
    const channels = channelsApi.list().then((r) => r.items, () => []);
    Promise.all([campaignsApi.audience(c.id), campaignsApi.templates(c.channelId), channels])
      .then(([counts, templates, list]) => confirmStart(t, i18n, c.name, counts, sendingBegins(new Date(), c.window, c.timeZone), startWarnings(c, templates, list), () => void act('start')), (err) => notifyError(t, err))
      .finally(() => setCounting(false));
  };
  // Cancelling cannot be undone (a paused campaign resumes; a cancelled one never sends again).
  const cancel = () =>
    modals.openConfirmModal({
      title: t('campaigns.cancelTitle', { name: c.name }),
      children: <Text size="sm">{c.counts.pending > 0 ? t('campaigns.cancelBody', { count: c.counts.pending }) : t('campaigns.cancelBodyNone')}</Text>,
      labels: { confirm: t('campaigns.actions.cancel'), cancel: t('campaigns.keep') },
      confirmProps: { color: 'red', 'data-testid': 'confirm-cancel' } as Record<string, string>,
      onConfirm: () => void act('cancel'),
    });

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Group gap="sm">
          <Anchor component={Link} to="/campaigns" size="sm">{t('nav.campaigns')}</Anchor>
          <Text c="dimmed">/</Text>
          <Title order={2}>{c.name}</Title>
          <StatusBadge status={shownStatus(c, new Date())} />
        </Group>
        <Group gap="xs">
          {['draft', 'scheduled', 'paused'].includes(c.status) && <TestSend campaignId={c.id} />}
          {c.status === 'draft' && <Button leftSection={<IconPlayerPlay size={16} />} onClick={start} loading={counting || busy === 'start'} disabled={!!busy} data-testid="campaign-start">{t('campaigns.actions.start')}</Button>}
          {(c.status === 'running' || c.status === 'scheduled') && <Button variant="default" leftSection={<IconPlayerPause size={16} />} onClick={() => void act('pause')} loading={busy === 'pause'} disabled={!!busy} data-testid="campaign-pause">{t('campaigns.actions.pause')}</Button>}
          {c.status === 'paused' && <Button leftSection={<IconPlayerPlay size={16} />} onClick={() => void act('resume')} loading={busy === 'resume'} disabled={!!busy} data-testid="campaign-resume">{t('campaigns.actions.resume')}</Button>}
          {!['completed', 'cancelled'].includes(c.status) && <Button variant="subtle" color="red" leftSection={<IconX size={16} />} onClick={cancel} loading={busy === 'cancel'} disabled={!!busy} data-testid="campaign-cancel">{t('campaigns.actions.cancel')}</Button>}
        </Group>
      </Group>
      {c.warnings.length > 0 && (
        <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t('campaigns.gatewayWarningTitle')}>{t('campaigns.gatewayWarning')}</Alert>
      )}
      {c.status === 'paused' && c.pauseReason && c.pauseReason !== 'by_user' && (
        <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title={t('campaigns.pausedByProvider')} data-testid="pause-reason">
          {t(`campaigns.pauseReasons.${c.pauseReason}`, { defaultValue: c.pauseReasonText ?? c.pauseReason })}
        </Alert>
      )}
      <Paper withBorder radius="md" p="md" data-testid="campaign-progress">
        <Stack gap="sm">
          <Group justify="space-between">
            <Text fw={600}>{t('campaigns.progress')}</Text>
            <Text size="sm" c="dimmed">{t('campaigns.windowLine', { start: c.window.start, end: c.window.end, tz: timeZoneLabel(c.timeZone, locale) })}</Text>
          </Group>
          {c.status === 'scheduled' && c.scheduledAt && (
            <Group gap="xs" wrap="nowrap" data-testid="campaign-scheduled-at">
              <IconCalendarTime size={18} color="var(--mantine-color-violet-6)" style={{ flex: 'none' }} />
              <Text size="sm">{t('campaigns.scheduledFor', { when: formatDateTime(c.scheduledAt, i18n.language, c.timeZone) })}</Text>
            </Group>
          )}
          {c.status === 'running' && c.counts.pending > 0 && begins && (
            <Group gap="xs" wrap="nowrap" data-testid="campaign-begins">
              <IconClock size={18} color="var(--mantine-color-blue-6)" style={{ flex: 'none' }} />
              <Text size="sm">{beginsText(t, begins)}</Text>
            </Group>
          )}
          <AudienceCountLine count={audience} />
          <Progress.Root size={18}>
            {BAR.map(([s, color]) => (c.counts[s] > 0 ? <Progress.Section key={s} value={(100 * c.counts[s]) / total} color={color} title={t(`campaigns.status.${s}`)} /> : null))}
          </Progress.Root>
          <SimpleGrid cols={{ base: 2, xs: 4, md: 8 }}>
            {(['total', ...RECIPIENT_STATUSES] as const).map((s) => (
              <Stack key={s} gap={0} data-testid={`count-${s}`}>
                <Text size="xl" fw={700}>{c.counts[s]}</Text>
                <Text size="xs" c="dimmed">{t(`campaigns.counts.${s}`)}</Text>
              </Stack>
            ))}
          </SimpleGrid>
        </Stack>
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" mb="sm">
          <Text fw={600}>{t('campaigns.recipients')}</Text>
          <Select placeholder={t('campaigns.allStatuses')} clearable w={200} value={filter} onChange={(v) => setFilter(v as RecipientStatus | null)}
            data={RECIPIENT_STATUSES.map((s) => ({ value: s, label: t(`campaigns.status.${s}`) }))} data-testid="recipient-filter" />
        </Group>
        {/* Native scrolling with a shadow at the hidden edge: on a phone it is plain there is more to the side. */}
        <Table.ScrollContainer minWidth={560} type="native" className={scroll.shadow} data-testid="recipients-scroll">
          <Table verticalSpacing="xs" data-testid="recipients-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th miw={150}>{t('campaigns.columns.contact')}</Table.Th>
                <Table.Th w={130}>{t('campaigns.columns.status')}</Table.Th>
                {/* The reason wraps rather than widening the table past the contact and status. */}
                <Table.Th miw={200} maw={260}>{t('campaigns.columns.reason')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {recipients.items.map((r) => (
                <Table.Tr key={r.contactId} data-testid="recipient-row">
                  <Table.Td><Text size="sm" fw={500}>{r.contact.name ?? (r.contact.phone && formatPhone(r.contact.phone))}</Text><Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>{r.contact.phone && formatPhone(r.contact.phone)}</Text></Table.Td>
                  <Table.Td><StatusBadge status={r.status} /></Table.Td>
                  <Table.Td miw={200} maw={260}><Text size="sm" style={{ overflowWrap: 'anywhere' }}>{r.reason ? t(`campaigns.reasons.${r.reason}`, { defaultValue: r.reasonText ?? r.reason }) : ''}</Text></Table.Td>
                  <Table.Td>{r.conversationId && <Anchor component={Link} to={`/inbox/${r.conversationId}`} size="sm" data-testid="open-conversation">{t('campaigns.openConversation')}</Anchor>}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {recipients.items.length === 0 && (
          <Text size="sm" c="dimmed" ta="center" py="md" data-testid="recipients-empty">
            {t(filter ? 'campaigns.recipientsNoneWithStatus' : ['draft', 'scheduled'].includes(c.status) ? 'campaigns.recipientsNotYet' : 'campaigns.recipientsNone')}
          </Text>
        )}
        {recipients.next && <Button variant="subtle" mt="sm" onClick={() => void recipients.more()}>{t('campaigns.loadMore')}</Button>}
      </Paper>
    </Stack>
  );
}
