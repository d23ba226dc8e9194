import { Alert, Anchor, Button, Checkbox, Group, Modal, Paper, SimpleGrid, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconPlus } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ParseKeys } from 'i18next';
import { errorText } from '../../api/error-text';
import { CopyField } from '../channels/CopyField';
import { EndpointCard } from './EndpointCard';
import { webhooksApi, type Endpoint, type Notice } from './webhooks-api';
import { isRefusedAddress, webhookUrlProblem } from './webhook-url';

/** Settings → Webhooks: a workspace's own endpoints, the events each wants, their signing secrets and attempt logs. */
export function WebhooksTab() {
  const { t } = useTranslation();
  const [data, setData] = useState<{ items: Endpoint[]; eventTypes: string[] } | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [urlError, setUrlError] = useState<ParseKeys | null>(null);
  const [secret, setSecret] = useState<string | null>(null);

  const load = useCallback(() => {
    webhooksApi.list().then(setData, () => setError(t('settings.webhooks.loadError')));
    webhooksApi.notices().then((n) => setNotices(n.items), () => undefined);
  }, [t]);
  useEffect(load, [load]);

  const create = async () => {
    setError(null);
    const problem = webhookUrlProblem(url);
    setUrlError(problem);
    if (problem) return;
    try {
      const created = await webhooksApi.create(url.trim(), events);
      setSecret(created.secret);
      setUrl('');
      setEvents([]);
      load();
    } catch (err) {
      if (isRefusedAddress(err)) setUrlError('settings.webhooks.urlNotAllowed');
      else setError(errorText(t, err, {}, 'settings.webhooks.actionError'));
    }
  };

  if (!data && !error) return <Skeleton h={220} maw={900} radius="md" />;
  return (
    <Stack gap="lg" maw={900}>
      <Stack gap={4}>
        <Text c="dimmed" size="sm">
          {t('settings.webhooks.intro')}
        </Text>
        <Anchor component={Link} to="/developers" size="sm" data-testid="webhooks-reference">
          {t('settings.webhooks.reference')}
        </Anchor>
      </Stack>
      {notices.map((n) => (
        <Alert key={n.id} color="red" icon={<IconAlertTriangle size={16} />} withCloseButton onClose={() => void webhooksApi.dismissNotice(n.id).then(load)} data-testid="webhook-notice">
          {t('settings.webhooks.disabledNotice', { url: n.data.url ?? '' })}
        </Alert>
      ))}
      <Paper withBorder p="lg" radius="md">
        <Stack gap="md">
          <Text fw={600}>{t('settings.webhooks.add')}</Text>
          <TextInput
            label={t('settings.webhooks.url')}
            placeholder="https://example.com/zyntra-webhooks"
            value={url}
            onChange={(e) => {
              setUrl(e.currentTarget.value);
              setUrlError(null);
            }}
            error={urlError && t(urlError)}
            data-testid="webhook-url"
          />
          <Checkbox.Group label={t('settings.webhooks.events')} value={events} onChange={setEvents}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing={6}>
              {(data?.eventTypes ?? []).map((type) => (
                <Checkbox
                  key={type}
                  value={type}
                  label={<code>{type}</code>}
                  // What the event means, in the user's language (a type added on the server before its words shows its name only).
                  description={t(`settings.webhooks.eventHelp.${type.replaceAll('.', '_')}` as never, { defaultValue: '' })}
                  data-testid={`webhook-event-${type}`}
                />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          {error && (
            <Alert color="red" data-testid="webhook-error">
              {error}
            </Alert>
          )}
          <Group>
            <Button leftSection={<IconPlus size={16} />} disabled={!url.trim() || events.length === 0} onClick={() => void create()} data-testid="webhook-create">
              {t('settings.webhooks.create')}
            </Button>
            {/* Why the button waits: said beside it, not left to guess. */}
            {(!url.trim() || events.length === 0) && (
              <Text size="xs" c="dimmed" data-testid="webhook-create-hint">
                {t(!url.trim() ? 'settings.webhooks.needUrl' : 'settings.webhooks.needEvent')}
              </Text>
            )}
          </Group>
        </Stack>
      </Paper>
      {data?.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('settings.webhooks.none')}
        </Text>
      )}
      {data?.items.map((e) => <EndpointCard key={e.id} endpoint={e} onChanged={load} onSecret={setSecret} />)}
      <Modal opened={secret !== null} onClose={() => setSecret(null)} title={t('settings.webhooks.secretTitle')} size="lg">
        <Stack>
          <Text size="sm">{t('settings.webhooks.secretOnce')}</Text>
          {secret && <CopyField label={t('settings.webhooks.secret')} value={secret} testId="webhook-secret" />}
          <Button onClick={() => setSecret(null)} data-testid="webhook-secret-done">
            {t('settings.webhooks.done')}
          </Button>
        </Stack>
      </Modal>
    </Stack>
  );
}
