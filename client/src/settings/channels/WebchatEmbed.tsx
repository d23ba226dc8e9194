// A web-chat channel's embed code, and a page to try the chat on before it goes on the site (an
// owner without a website yet can still see it work).
import { Anchor, Group, Stack } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { embedSnippet } from './channel-forms';
import { CopyField } from './CopyField';

export function WebchatEmbed({ channelId }: { channelId: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <CopyField label={t('settings.channels.embedCode')} value={embedSnippet(window.location.origin, channelId)} testId="embed-snippet" copyTestId="copy-embed-snippet" />
      <Group gap={4}>
        <Anchor href={`/try/${channelId}`} target="_blank" rel="noopener" size="sm" data-testid="try-webchat">
          {t('settings.channels.tryChat')}
        </Anchor>
        <IconExternalLink size={14} aria-hidden />
      </Group>
    </Stack>
  );
}
