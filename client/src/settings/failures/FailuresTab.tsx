import { Alert, Badge, Button, Code, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';

type FailedEvent = { id: string; kind: string; conversationKey: string; error: string | null; attempts: number; receivedAt: string; failedAt: string | null };
type FailedMessage = { id: string; conversationId: string; text: string | null; type: string; error: string | null; attempts: number; failedAt: string };
type Failures = { events: FailedEvent[]; messages: FailedMessage[] };

/**
 * What the pipeline set aside: customer events that failed again and again, and messages that could
 * not be sent. Each shows its reason and can be retried once the cause is fixed.
 */
export function FailuresTab() {
  const { t, i18n } = useTranslation();
  const [data, setData] = useState<Failures | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(
    (signal?: AbortSignal) =>
      api.get<Failures>('/v1/operations/failures', { signal }).then(setData, (err: unknown) => {
        if ((err as Error).name !== 'AbortError') setError(t('settings.failures.loadError'));
      }),
    [t],
  );
  useEffect(() => {
    const ctrl = new AbortController();
    void load(ctrl.signal);
    return () => ctrl.abort();
  }, [load]);

  const retry = async (what: 'events' | 'messages', id: string) => {
    setBusy(id);
    try {
      await api.post(`/v1/operations/failures/${what}/${id}/retry`, {});
      notifications.show({ color: 'teal', message: t('settings.failures.retried') });
      await load();
    } catch {
      notifications.show({ color: 'red', message: t('settings.failures.retryError') });
    } finally {
      setBusy(null);
    }
  };
  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(i18n.language) : '');

  if (error) return <Alert color="red">{error}</Alert>;
  if (!data) return <Skeleton height={120} />;
  const empty = data.events.length === 0 && data.messages.length === 0;
  return (
    <Stack gap="md" maw={820} data-testid="failures">
      <Text c="dimmed" size="sm">{t('settings.failures.intro')}</Text>
      {empty && (
        <Alert color="teal" icon={<IconCircleCheck size={18} />} data-testid="failures-empty">
          {t('settings.failures.empty')}
        </Alert>
      )}
      {data.messages.length > 0 && <Title order={4}>{t('settings.failures.messages')}</Title>}
      {data.messages.map((m) => (
        <Paper key={m.id} withBorder p="md" data-testid="failed-message">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={4}>
              <Text fw={500}>{m.text || t('settings.failures.noText', { type: m.type })}</Text>
              <Code data-testid="failure-reason">{m.error ?? t('settings.failures.noReason')}</Code>
              <Text size="xs" c="dimmed">{t('settings.failures.failedAt', { when: when(m.failedAt), attempts: m.attempts })}</Text>
            </Stack>
            <Button size="xs" variant="light" loading={busy === m.id} onClick={() => void retry('messages', m.id)} data-testid="retry-message">
              {t('settings.failures.retry')}
            </Button>
          </Group>
        </Paper>
      ))}
      {data.events.length > 0 && <Title order={4}>{t('settings.failures.events')}</Title>}
      {data.events.map((e) => (
        <Paper key={e.id} withBorder p="md" data-testid="failed-event">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={4}>
              <Group gap="xs">
                <Badge variant="light">{e.kind}</Badge>
                <Text size="sm" c="dimmed">{e.conversationKey.split(':').pop()}</Text>
              </Group>
              <Code data-testid="failure-reason">{e.error ?? t('settings.failures.noReason')}</Code>
              <Text size="xs" c="dimmed">{t('settings.failures.failedAt', { when: when(e.failedAt), attempts: e.attempts })}</Text>
            </Stack>
            <Button size="xs" variant="light" loading={busy === e.id} onClick={() => void retry('events', e.id)} data-testid="retry-event">
              {t('settings.failures.retry')}
            </Button>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
