import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconFlask, IconKey, IconPlayerPause, IconPlayerPlay, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/use-locale';
import { DeliveryLog } from './DeliveryLog';
import { webhooksApi, type Endpoint } from './webhooks-api';

type Props = { endpoint: Endpoint; onChanged: () => void; onSecret: (secret: string) => void };

export function EndpointCard({ endpoint, onChanged, onSecret }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [reloadKey, setReloadKey] = useState(0);
  const failed = () => notifications.show({ color: 'red', message: t('settings.webhooks.actionError') });

  const sendTest = () =>
    webhooksApi.test(endpoint.id).then(() => {
      notifications.show({ color: 'teal', message: t('settings.webhooks.testSent') });
      setReloadKey((k) => k + 1);
    }, failed);
  const rotate = () =>
    modals.openConfirmModal({
      title: t('settings.webhooks.rotateTitle'),
      children: <Text size="sm">{t('settings.webhooks.rotateBody')}</Text>,
      labels: { confirm: t('settings.webhooks.rotate'), cancel: t('settings.webhooks.cancel') },
      confirmProps: { 'data-testid': 'confirm-rotate' } as Record<string, string>,
      onConfirm: () => void webhooksApi.rotate(endpoint.id).then((r) => (onSecret(r.secret), onChanged()), failed),
    });
  const enable = () => webhooksApi.update(endpoint.id, { active: true }).then(onChanged, failed);
  const pause = () =>
    modals.openConfirmModal({
      title: t('settings.webhooks.pauseTitle'),
      children: <Text size="sm">{t('settings.webhooks.pauseBody')}</Text>,
      labels: { confirm: t('settings.webhooks.pause'), cancel: t('settings.webhooks.cancel') },
      confirmProps: { 'data-testid': 'confirm-pause' } as Record<string, string>,
      onConfirm: () => void webhooksApi.update(endpoint.id, { active: false }).then(onChanged, failed),
    });
  const remove = () =>
    modals.openConfirmModal({
      title: t('settings.webhooks.deleteTitle'),
      children: <Text size="sm" style={{ wordBreak: 'break-all' }}>{t('settings.webhooks.confirmDelete', { url: endpoint.url })}</Text>,
      labels: { confirm: t('settings.webhooks.delete'), cancel: t('settings.webhooks.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => void webhooksApi.remove(endpoint.id).then(onChanged, failed),
    });

  return (
    <Paper withBorder p="md" radius="md" data-testid="webhook-endpoint">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          {/* The address takes the room left and breaks anywhere; the status keeps its whole word ("Ativo", not "A…"). */}
          <Text fw={600} miw={0} style={{ wordBreak: 'break-all' }} data-testid="webhook-endpoint-url">
            {endpoint.url}
          </Text>
          <Badge color={endpoint.active ? 'teal' : 'red'} variant="light" miw="max-content" style={{ flexShrink: 0 }} data-testid="webhook-endpoint-status">
            {endpoint.active ? t('settings.webhooks.active') : t(`settings.webhooks.disabled.${endpoint.disabledReason ?? 'manual'}`)}
          </Badge>
        </Group>
        <Group gap={4}>
          {endpoint.events.map((e) => (
            <Badge key={e} variant="outline" color="gray" tt="none">
              {e}
            </Badge>
          ))}
        </Group>
        {endpoint.previousSecretExpiresAt && new Date(endpoint.previousSecretExpiresAt) > new Date() && (
          <Text size="xs" c="dimmed">
            {t('settings.webhooks.overlap', { until: new Date(endpoint.previousSecretExpiresAt).toLocaleString(locale) })}
          </Text>
        )}
        <Group gap="xs">
          {endpoint.active ? (
            <Button size="xs" variant="light" leftSection={<IconFlask size={14} />} onClick={() => void sendTest()} data-testid="webhook-send-test">
              {t('settings.webhooks.sendTest')}
            </Button>
          ) : (
            <Button size="xs" variant="light" color="teal" leftSection={<IconPlayerPlay size={14} />} onClick={() => void enable()} data-testid="webhook-enable">
              {t('settings.webhooks.enable')}
            </Button>
          )}
          {endpoint.active && (
            <Button size="xs" variant="default" leftSection={<IconPlayerPause size={14} />} onClick={pause} data-testid="webhook-pause">
              {t('settings.webhooks.pause')}
            </Button>
          )}
          <Button size="xs" variant="default" leftSection={<IconKey size={14} />} onClick={rotate} data-testid="webhook-rotate">
            {t('settings.webhooks.rotate')}
          </Button>
          <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={remove}>
            {t('settings.webhooks.delete')}
          </Button>
        </Group>
        <DeliveryLog endpointId={endpoint.id} active={endpoint.active} reloadKey={reloadKey} />
      </Stack>
    </Paper>
  );
}
