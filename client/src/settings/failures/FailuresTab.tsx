import { Alert, Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconRefresh } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailedCard } from './FailedCard';
import { FailingEndpoints } from './FailingEndpoints';
import { failuresApi, whoOf, type Failures } from './failures-api';

/** Event kinds the page names; another kind shows as stored. */
const KINDS = ['message', 'status', 'echo', 'timer', 'llm_result', 'llm_failed', 'effect'] as const;
const isKnownKind = (kind: string): kind is (typeof KINDS)[number] => (KINDS as readonly string[]).includes(kind);

/**
 * What the pipeline set aside: customer events that failed again and again, and messages that could
 * not be sent. Each shows whose it is and why, and can be retried once the cause is fixed; "Retry
 * all" puts everything back at once (after a renewed access token, say), after a confirmation.
 */
export function FailuresTab() {
  const { t } = useTranslation();
  const [data, setData] = useState<Failures | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(
    (signal?: AbortSignal) =>
      failuresApi.list(signal).then(setData, (err: unknown) => {
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
      await failuresApi.retry(what, id);
      notifications.show({ color: 'teal', message: t('settings.failures.retried') });
      await load();
    } catch {
      notifications.show({ color: 'red', message: t('settings.failures.retryError') });
    } finally {
      setBusy(null);
    }
  };

  const retryAll = async () => {
    setBusy('all');
    try {
      const done = await failuresApi.retryAll();
      notifications.show({
        color: 'teal',
        message: [t('settings.failures.retriedAll', { messages: done.messages, events: done.events }),
          done.remaining > done.optedOut ? t('settings.failures.remaining', { count: done.remaining - done.optedOut }) : '',
          done.optedOut ? t('settings.failures.optedOutStay', { count: done.optedOut }) : ''].filter(Boolean).join(' '),
      });
      await load();
    } catch {
      notifications.show({ color: 'red', message: t('settings.failures.retryError') });
    } finally {
      setBusy(null);
    }
  };

  if (error) return <Alert color="red">{error}</Alert>;
  if (!data) return <Skeleton height={120} />;
  const { totals } = data;
  const confirmAll = () =>
    modals.openConfirmModal({
      title: t('settings.failures.retryAllTitle'),
      children: <Text size="sm" data-testid="retry-all-body">{t('settings.failures.retryAllBody', { messages: totals.messages, events: totals.events })}</Text>,
      labels: { confirm: t('settings.failures.retryAll'), cancel: t('settings.members.cancel') },
      confirmProps: { 'data-testid': 'confirm-retry-all', 'data-autofocus': true },
      onConfirm: () => void retryAll(),
    });
  const more = (shown: number, total: number) =>
    total > shown && <Text size="xs" c="dimmed" data-testid="failures-more">{t('settings.failures.showing', { shown, count: total, more: totals.capped ? '+' : '' })}</Text>;
  const kindOf = (kind: string) => (isKnownKind(kind) ? t(`settings.failures.kind.${kind}`) : kind);

  return (
    <Stack gap="md" maw={820} data-testid="failures">
      <Text c="dimmed" size="sm">{t('settings.failures.intro')}</Text>
      <FailingEndpoints endpoints={data.webhooks} />
      {data.events.length === 0 && data.messages.length === 0 ? (
        <Alert color="teal" icon={<IconCircleCheck size={18} />} data-testid="failures-empty">
          {t('settings.failures.empty')}
        </Alert>
      ) : (
        <Group>
          <Button leftSection={<IconRefresh size={16} />} onClick={confirmAll} loading={busy === 'all'} data-testid="retry-all">
            {t('settings.failures.retryAllCount', { count: totals.events + totals.messages })}
          </Button>
        </Group>
      )}
      {data.messages.length > 0 && <Title order={4}>{t('settings.failures.messagesCount', { count: totals.messages })}</Title>}
      {more(data.messages.length, totals.messages)}
      {data.messages.map((m) => (
        <FailedCard
          key={m.id} testId="failed-message" who={whoOf(m.contact)} conversationId={m.conversationId}
          title={m.text || t('settings.failures.noText', { type: m.type })}
          error={m.error} failedAt={m.failedAt} attempts={m.attempts} busy={busy === m.id} onRetry={() => void retry('messages', m.id)}
          blocked={m.optedOut ? t('settings.failures.optedOut') : undefined}
        />
      ))}
      {data.events.length > 0 && <Title order={4}>{t('settings.failures.eventsCount', { count: totals.events })}</Title>}
      {more(data.events.length, totals.events)}
      {data.events.map((e) => (
        <FailedCard
          key={e.id} testId="failed-event" who={whoOf(e.contact, e.conversationKey)} badge={kindOf(e.kind)}
          error={e.error} failedAt={e.failedAt} attempts={e.attempts} busy={busy === e.id} onRetry={() => void retry('events', e.id)}
        />
      ))}
    </Stack>
  );
}
