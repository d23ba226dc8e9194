import { Alert, Group, Paper, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconHeartbeat } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { MESSAGING_TIER_LIMITS } from '@zyntra/flows-schema';
import { useLocale } from '../../i18n/use-locale';
import { fieldsOf } from './channel-forms';
import { isChannelType } from './channels-api';
import type { Channel } from './channels-api';
import { ChannelStatusBadge, ChannelTypeBadge, ChannelTypeIcon } from './channel-visuals';
import { CopyField } from './CopyField';
import { ChannelActions, ChannelNotices } from './ChannelActions';
import { WebchatEmbed } from './WebchatEmbed';

/** WhatsApp's messaging limit for the number, as Meta last told it (campaigns stay under it). */
function MessagingLimit({ tier }: { tier: string | undefined }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!tier) return null;
  const people = MESSAGING_TIER_LIMITS[tier];
  const text = people === null
    ? t('settings.channels.messagingLimit.unlimited')
    : t('settings.channels.messagingLimit.limit', { limit: people !== undefined ? people.toLocaleString(locale) : tier });
  return <Text size="sm" c="dimmed" data-testid="channel-messaging-limit">{text}</Text>;
}

/** Non-secret settings worth recognising a channel by (which number, which instance). */
function ConfigSummary({ channel }: { channel: Channel }) {
  const { t } = useTranslation();
  if (!isChannelType(channel.type)) return null;
  const shown = fieldsOf(channel.type).filter((f) => !f.secret && channel.config[f.key]);
  if (shown.length === 0) return null;
  return (
    <Group gap="lg" wrap="wrap">
      {shown.map((f) => (
        <Text key={f.key} size="sm" c="dimmed">
          {t(`settings.fields.${f.key}.label`)}:{' '}
          {f.choices ? (
            <Text span size="sm" c="var(--mantine-color-text)">
              {t(`settings.fields.${f.key}.options.${channel.config[f.key]}` as never)}
            </Text>
          ) : (
            <Text span size="sm" c="var(--mantine-color-text)" ff="monospace">
              {channel.config[f.key]}
            </Text>
          )}
        </Text>
      ))}
      <MessagingLimit tier={channel.config.messagingLimitTier} />
    </Group>
  );
}

/** The provider's latest word on the number: an error on its webhook, an account or quality event. */
function HealthLine({ channel }: { channel: Channel }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const h = channel.health;
  if (!h) return null;
  const when = new Date(h.at).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' });
  const color = h.severity === 'critical' ? 'red' : h.severity === 'warning' ? 'yellow' : 'blue';
  return (
    <Alert
      color={color}
      variant="light"
      p="xs"
      icon={h.severity === 'info' ? <IconHeartbeat size={16} /> : <IconAlertTriangle size={16} />}
      data-testid="channel-health"
      data-severity={h.severity}
    >
      <Text size="sm">
        {t(`settings.channels.health.${h.severity}`)}: {h.message}
        {h.code && !h.message.includes(h.code) ? ` (${h.code})` : ''}
      </Text>
      <Text size="xs" c="dimmed">{t('settings.channels.health.at', { when })}</Text>
    </Alert>
  );
}

export function ChannelCard({ channel, onChanged, onDeleted }: { channel: Channel; onChanged: (c: Channel) => void; onDeleted: (id: string) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const created = new Date(channel.createdAt);
  const createdText = Number.isNaN(created.getTime())
    ? null
    : created.toLocaleDateString(locale, { dateStyle: 'medium' });

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      data-testid={`channel-row-${channel.id}`}
      data-channel-name={channel.name}
    >
      <Stack gap="sm">
        <Group gap="md" wrap="nowrap" align="flex-start">
          <ChannelTypeIcon type={channel.type} />
          <Stack gap={4} miw={0} flex={1}>
            <Group gap="xs" wrap="wrap">
              <Text fw={600} truncate maw="100%" data-testid="channel-name">
                {channel.name}
              </Text>
              <ChannelTypeBadge type={channel.type} />
              <ChannelStatusBadge status={channel.status} />
            </Group>
            <ConfigSummary channel={channel} />
            {createdText && (
              <Text size="xs" c="dimmed">
                {t('settings.channels.createdAt', { date: createdText })}
              </Text>
            )}
          </Stack>
        </Group>
        <HealthLine channel={channel} />
        {channel.webhookUrl && (
          <CopyField
            label={t('settings.channels.webhookUrl')}
            value={channel.webhookUrl}
            testId="webhook-url"
            copyTestId="copy-webhook-url"
          />
        )}
        <ChannelNotices channel={channel} />
        {channel.type === 'webchat' && <WebchatEmbed channelId={channel.id} />}
        <ChannelActions channel={channel} onChanged={onChanged} onDeleted={onDeleted} />
      </Stack>
    </Paper>
  );
}
