import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconKey } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EVOLUTION_TOKEN_HEADER } from './channel-forms';
import { WebchatEmbed } from './WebchatEmbed';
import type { Channel } from './channels-api';
import { CopyField } from './CopyField';

interface ChannelCreatedProps {
  channel: Channel;
  /** The generated verify/webhook token. Shown here once: the server never returns it again. */
  token?: string;
  onDone: () => void;
}

function Step({ text, children }: { text: string; children?: ReactNode }) {
  return (
    <List.Item>
      <Stack gap="xs">
        <Text size="sm">{text}</Text>
        {children}
      </Stack>
    </List.Item>
  );
}

/** Something to paste on the provider's side; its test ids are `id` and `copy-${id}`. */
type Paste = { id: string; label: string; value: string };

/** A provider's three steps, the second with what to paste there. */
function PasteSteps({ steps, pastes }: { steps: [string, string, string]; pastes: Paste[] }) {
  return (
    <List type="ordered" spacing="md" size="sm">
      <Step text={steps[0]} />
      <Step text={steps[1]}>
        {pastes.map((p) => (
          <CopyField key={p.id} label={p.label} value={p.value} testId={p.id} copyTestId={`copy-${p.id}`} />
        ))}
      </Step>
      <Step text={steps[2]} />
    </List>
  );
}

/** What to paste where on the provider's side, right after the channel exists. */
function ProviderSteps({ channel, token }: Omit<ChannelCreatedProps, 'onDone'>) {
  const { t } = useTranslation();
  const webhookUrl = channel.webhookUrl ?? '';
  // The generated token only when this is the moment it is shown (never again afterwards).
  const tokenPaste = (id: string, label: string): Paste[] => (token ? [{ id, label, value: token }] : []);

  if (channel.type === 'whatsapp_cloud') {
    return (
      <PasteSteps
        steps={[t('settings.created.whatsapp.step1'), t('settings.created.whatsapp.step2'), t('settings.created.whatsapp.step3')]}
        pastes={[
          { id: 'webhook-url', label: t('settings.created.whatsapp.callbackUrl'), value: webhookUrl },
          ...tokenPaste('verify-token', t('settings.created.whatsapp.verifyToken')),
        ]}
      />
    );
  }
  if (channel.type === 'evolution') {
    return (
      <PasteSteps
        steps={[
          t('settings.created.evolution.step1', { instance: channel.config.instance ?? '' }),
          t('settings.created.evolution.step2'),
          t('settings.created.evolution.step3'),
        ]}
        pastes={[
          { id: 'webhook-url', label: t('settings.created.evolution.webhookUrl'), value: webhookUrl },
          { id: 'header-name', label: t('settings.created.evolution.headerName'), value: EVOLUTION_TOKEN_HEADER },
          ...tokenPaste('header-value', t('settings.created.evolution.headerValue')),
        ]}
      />
    );
  }
  return (
    <Stack gap="xs">
      <Text size="sm">{t('settings.created.webchat.step1')}</Text>
      <WebchatEmbed channelId={channel.id} />
    </Stack>
  );
}

export function ChannelCreated({ channel, token, onDone }: ChannelCreatedProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="channel-created" data-channel-id={channel.id}>
      <Alert color="teal" variant="light" icon={<IconCircleCheck size={20} />}>
        {/* A provider's channel works once its side is set up (steps below); web chat works at once. */}
        {t(channel.webhookUrl ? 'settings.created.successProvider' : 'settings.created.success', { name: channel.name })}
      </Alert>
      {channel.webhookUrl && (
        <Text size="sm" fw={500}>
          {t('settings.created.providerLead')}
        </Text>
      )}
      <ProviderSteps channel={channel} token={token} />
      {token && (
        <Alert color="yellow" variant="light" icon={<IconKey size={20} />} data-testid="secrets-once">
          {t('settings.created.secretsOnce')}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button onClick={onDone} data-testid="channel-done">
          {t('settings.add.done')}
        </Button>
      </Group>
    </Stack>
  );
}
