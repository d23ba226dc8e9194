import { Alert, Button, Group, Modal, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconPencil, IconPlayerPause, IconPlayerPlay, IconPlugConnected, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChannelForm } from './ChannelForm';
import type { TFunction } from 'i18next';
import { channelsApi, isChannelType, type Channel, type Connection } from './channels-api';

/** What a passed test shows: the number WhatsApp confirmed, or what the check found, in the user's language. */
function connectedText(t: TFunction, c: Connection): string {
  if (c.reason === 'hosted' || (c.reason === 'connected' && c.detail === 'open')) return t(`settings.channels.connection.${c.reason}`);
  return c.detail;
}

/** Why a test failed, in the user's language; the provider's own message follows as it came. */
function failedText(t: TFunction, c: Connection, type: string): string {
  if (c.reason === 'provider_refused') return t('settings.channels.connection.provider_refused', { status: c.status });
  // Which server could not be reached, and what to check: Meta's API, or the workspace's own Evolution server.
  if (c.reason === 'unreachable') return t(type === 'evolution' ? 'settings.channels.connection.unreachableEvolution' : type === 'whatsapp_cloud' ? 'settings.channels.connection.unreachableCloud' : 'settings.channels.connection.unreachable');
  if (c.reason === 'instance_not_open') return t('settings.channels.connection.instance_not_open', { state: c.state });
  return c.detail;
}

/** What the provider said about the channel's settings, and the loopback-URL warning. */
export function ChannelNotices({ channel }: { channel: Channel }) {
  const { t } = useTranslation();
  return (
    <>
      {channel.warnings?.includes('webhook_url_loopback') && (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="webhook-loopback-warning">
          {t('settings.channels.loopbackWarning')}
        </Alert>
      )}
      {channel.connection && !channel.connection.ok && (
        <Alert color="red" variant="light" data-testid="connection-failed" title={t(channel.connection.reason === 'unreachable' ? 'settings.channels.connectionUnreachable' : 'settings.channels.connectionFailed')}>
          <Text size="sm">{failedText(t, channel.connection, channel.type)}</Text>
          {/* The provider's own words help when it refused; "could not reach" has nothing to add. */}
          {channel.connection.reason === 'provider_refused' && (
            <Text size="xs" c="dimmed" mt={4}>{channel.connection.detail}</Text>
          )}
        </Alert>
      )}
    </>
  );
}

/** Name and settings of an existing channel (e.g. a WhatsApp access token that expired). */
function EditChannel({ channel, onChanged }: { channel: Channel; onChanged: (c: Channel) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!isChannelType(channel.type)) return null;
  const type = channel.type;
  const saved = (updated: Channel) => {
    setOpen(false);
    onChanged(updated);
    notifications.show({ color: 'teal', message: t('settings.channels.saved') });
  };
  return (
    <>
      <Button size="xs" variant="default" leftSection={<IconPencil size={16} />} onClick={() => setOpen(true)} data-testid="channel-edit">
        {t('settings.channels.edit')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('settings.channels.editTitle', { name: channel.name })} size="lg">
        {open && <ChannelForm type={type} channel={channel} onCancel={() => setOpen(false)} onCreated={saved} />}
      </Modal>
    </>
  );
}

/** Edit, test connection, disable or enable, delete. */
export function ChannelActions({ channel, onChanged, onDeleted }: { channel: Channel; onChanged: (c: Channel) => void; onDeleted: (id: string) => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<null | 'test' | 'toggle'>(null);
  const failed = () => notifications.show({ color: 'red', message: t('settings.members.failed') });
  const run = async (kind: 'test' | 'toggle', call: () => Promise<Channel>) => {
    setBusy(kind);
    try {
      const updated = await call();
      onChanged(updated);
      if (updated.connection?.ok) notifications.show({ color: 'teal', message: t('settings.channels.connectionOk', { detail: connectedText(t, updated.connection) }) });
    } catch {
      failed();
    } finally {
      setBusy(null);
    }
  };
  const disabled = channel.status === 'disabled';
  // Enabling is harmless; disabling silences a live number, so it asks first.
  const toggle = () =>
    disabled
      ? void run('toggle', () => channelsApi.setEnabled(channel.id, true))
      : modals.openConfirmModal({
        title: t('settings.channels.disableTitle', { name: channel.name }),
        children: <Text size="sm">{t('settings.channels.disableBody')}</Text>,
        labels: { confirm: t('settings.channels.disable'), cancel: t('settings.members.cancel') },
        confirmProps: { color: 'red', 'data-testid': 'confirm-disable' } as Record<string, string>,
        onConfirm: () => void run('toggle', () => channelsApi.setEnabled(channel.id, false)),
      });
  const remove = () =>
    modals.openConfirmModal({
      title: t('settings.channels.deleteTitle', { name: channel.name }),
      children: <Text size="sm">{t('settings.channels.deleteBody')}</Text>,
      labels: { confirm: t('settings.channels.delete'), cancel: t('settings.members.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => void channelsApi.remove(channel.id).then(() => onDeleted(channel.id), failed),
    });
  return (
    <Group gap="xs">
      <EditChannel channel={channel} onChanged={onChanged} />
      {channel.type !== 'webchat' && (
        <Button size="xs" variant="light" leftSection={<IconPlugConnected size={16} />} loading={busy === 'test'} onClick={() => void run('test', () => channelsApi.test(channel.id))} data-testid="channel-test">
          {t('settings.channels.test')}
        </Button>
      )}
      <Button size="xs" variant="default" leftSection={disabled ? <IconPlayerPlay size={16} /> : <IconPlayerPause size={16} />} loading={busy === 'toggle'} onClick={toggle} data-testid="channel-toggle">
        {disabled ? t('settings.channels.enable') : t('settings.channels.disable')}
      </Button>
      <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={remove} data-testid="channel-delete">
        {t('settings.channels.delete')}
      </Button>
    </Group>
  );
}
