// Webhook endpoints whose calls fail, or which were turned off for failing: their calls are retried
// and logged on the Webhooks tab, so Failures names them and points there.
import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { IconWebhook } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FailingEndpoint } from './failures-api';

export function FailingEndpoints({ endpoints }: { endpoints: FailingEndpoint[] }) {
  const { t, i18n } = useTranslation();
  if (!endpoints.length) return null;
  // The reasons the delivery worker turns an endpoint off for, as the Webhooks tab words them.
  const reasonOf = (reason: string) => (reason === 'gone' || reason === 'failing' ? t(`settings.webhooks.disabled.${reason}`) : reason);
  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(i18n.language) : '');
  return (
    <Alert color="orange" icon={<IconWebhook size={18} />} title={t('settings.failures.webhooksTitle', { count: endpoints.length })} data-testid="failing-endpoints">
      <Stack gap={6}>
        {endpoints.map((w) => (
          <Text key={w.id} size="sm" data-testid="failing-endpoint" style={{ overflowWrap: 'anywhere' }}>
            <Text span fw={500}>{w.url}</Text>{' · '}
            {w.disabledReason
              ? `${reasonOf(w.disabledReason)} (${when(w.disabledAt)})`
              : t('settings.failures.webhookFailing', { when: when(w.failingSince) })}
          </Text>
        ))}
        <Anchor component={Link} to="/settings?tab=webhooks" size="sm" data-testid="failing-endpoints-open">{t('settings.failures.openWebhooks')}</Anchor>
      </Stack>
    </Alert>
  );
}
