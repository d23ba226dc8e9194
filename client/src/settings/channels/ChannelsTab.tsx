import { Alert, Button, EmptyState, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconPlug, IconPlus } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AddChannelModal } from './AddChannelModal';
import { ChannelCard } from './ChannelCard';
import { channelsApi } from './channels-api';
import type { Channel } from './channels-api';

type ListState = { status: 'loading' } | { status: 'error' } | { status: 'ready'; items: Channel[] };

function ListSkeleton() {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" data-testid="channels-loading" aria-busy aria-label={t('settings.channels.loading')}>
      {[0, 1].map((i) => (
        <Paper key={i} withBorder p="md" radius="md">
          <Group gap="md" wrap="nowrap" align="flex-start">
            <Skeleton h={40} w={40} radius="md" />
            <Stack gap={8} flex={1}>
              <Skeleton h={14} w="40%" />
              <Skeleton h={10} w="25%" />
              <Skeleton h={30} mt={6} />
            </Stack>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

export function ChannelsTab() {
  const { t } = useTranslation();
  const [list, setList] = useState<ListState>({ status: 'loading' });
  const [adding, setAdding] = useState(false);
  // Bumped by "Try again" to re-run the loading effect.
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const ctrl = new AbortController();
    setList({ status: 'loading' });
    channelsApi.list(ctrl.signal).then(
      ({ items }) => setList({ status: 'ready', items }),
      (err: unknown) => {
        if (!ctrl.signal.aborted) {
          console.error(err);
          setList({ status: 'error' });
        }
      },
    );
    return () => ctrl.abort();
  }, [attempt]);

  // The create answer is the full public channel, so the list updates without a refetch.
  const onCreated = useCallback((channel: Channel) => {
    setList((l) => (l.status === 'ready' ? { status: 'ready', items: [...l.items, channel] } : l));
  }, []);

  const onChanged = useCallback((channel: Channel) => {
    setList((l) => (l.status === 'ready' ? { status: 'ready', items: l.items.map((c) => (c.id === channel.id ? channel : c)) } : l));
  }, []);
  const onDeleted = useCallback((id: string) => {
    setList((l) => (l.status === 'ready' ? { status: 'ready', items: l.items.filter((c) => c.id !== id) } : l));
  }, []);

  const openAdd = () => setAdding(true);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <Text c="dimmed" size="sm" maw={560}>
          {t('settings.channels.intro')}
        </Text>
        <Button leftSection={<IconPlus size={18} />} onClick={openAdd} data-testid="add-channel">
          {t('settings.channels.add')}
        </Button>
      </Group>

      {list.status === 'loading' && <ListSkeleton />}
      {list.status === 'error' && (
        <Alert color="red" icon={<IconAlertTriangle size={20} />} title={t('settings.channels.loadError')}>
          <Button variant="light" color="red" size="xs" mt="xs" onClick={() => setAttempt((a) => a + 1)}>
            {t('settings.channels.retry')}
          </Button>
        </Alert>
      )}
      {list.status === 'ready' && list.items.length === 0 && (
        <EmptyState
          variant="light"
          size="lg"
          icon={<IconPlug />}
          title={t('settings.channels.emptyTitle')}
          description={t('settings.channels.emptyDescription')}
          py="xl"
          data-testid="channels-empty"
        >
          <EmptyState.Actions>
            <Button variant="light" leftSection={<IconPlus size={18} />} onClick={openAdd}>
              {t('settings.channels.add')}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      )}
      {list.status === 'ready' && list.items.length > 0 && (
        <Stack gap="sm" data-testid="channel-list">
          {list.items.map((c) => (
            <ChannelCard key={c.id} channel={c} onChanged={onChanged} onDeleted={onDeleted} />
          ))}
        </Stack>
      )}

      <AddChannelModal opened={adding} onClose={() => setAdding(false)} onCreated={onCreated} />
    </Stack>
  );
}
