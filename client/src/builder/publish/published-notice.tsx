// The toast after a publish. Without an active channel no customer can reach the flow yet, so a
// first-time owner is told so and pointed at Settings → Channels instead of thinking they are done.
import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { channelsApi } from '../../settings/channels/channels-api';
import { notifySuccess } from '../../flows-list/notify';

/** Null when the list could not be read: then the plain "published" toast is shown. */
async function hasActiveChannel(): Promise<boolean | null> {
  try {
    return (await channelsApi.list()).items.some((c) => c.status === 'active');
  } catch {
    return null;
  }
}

export async function notifyPublished(t: TFunction, version: number, goToChannels: () => void): Promise<void> {
  if ((await hasActiveChannel()) !== false) {
    notifySuccess(t('builder.publish.done', { version }));
    return;
  }
  const id = `published-no-channel-${version}`;
  notifications.show({
    id,
    color: 'yellow',
    // Longer than a plain toast: it carries the next step to take.
    autoClose: 12_000,
    message: (
      <Stack gap={6} align="flex-start" data-testid="published-no-channel">
        <Text size="sm">{t('builder.publish.doneNoChannel', { version })}</Text>
        <Button
          size="xs"
          variant="light"
          data-testid="published-connect-channel"
          onClick={() => {
            notifications.hide(id);
            goToChannels();
          }}
        >
          {t('templates.addChannel')}
        </Button>
      </Stack>
    ),
  });
}
