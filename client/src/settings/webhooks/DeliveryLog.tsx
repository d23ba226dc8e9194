import { ActionIcon, Badge, Button, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconRefresh, IconSend } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/use-locale';
import scroll from '../../shared/scroll-shadow.module.css';
import { webhooksApi, type Delivery } from './webhooks-api';

/** The attempt log of one endpoint, newest first, with "resend" on each row. */
export function DeliveryLog({ endpointId, active, reloadKey }: { endpointId: string; active: boolean; reloadKey: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [items, setItems] = useState<Delivery[] | null>(null);
  const load = useCallback(() => webhooksApi.deliveries(endpointId).then((r) => setItems(r.items), () => setItems([])), [endpointId]);

  useEffect(() => {
    void load();
    // Deliveries happen in the background: look again for a little while after an action.
    const timer = setInterval(() => void load(), 2_000);
    const stop = setTimeout(() => clearInterval(timer), 20_000);
    return () => {
      clearInterval(timer);
      clearTimeout(stop);
    };
  }, [load, reloadKey]);

  const resend = async (d: Delivery) => {
    await webhooksApi.resend(endpointId, d.id);
    setTimeout(() => void load(), 800);
  };

  return (
    <div data-testid="webhook-log">
      <Group justify="space-between" mb={4}>
        <Text size="sm" fw={600}>
          {t('settings.webhooks.log')}
        </Text>
        <ActionIcon variant="subtle" onClick={() => void load()} aria-label={t('settings.webhooks.refresh')}>
          <IconRefresh size={16} />
        </ActionIcon>
      </Group>
      {items && items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('settings.webhooks.noDeliveries')}
        </Text>
      ) : (
        // On a phone the log scrolls inside its card instead of widening the page; its cells keep one
        // line each, so the result badge reads whole ("SEM RESPOSTA · FALHOU"), never "SEM R…".
        <Table.ScrollContainer minWidth={560} type="native" className={scroll.shadow} data-testid="webhook-log-frame">
        <Table striped fz="sm" verticalSpacing={4} style={{ whiteSpace: 'nowrap' }} data-testid="webhook-log-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('settings.webhooks.when')}</Table.Th>
              <Table.Th>{t('settings.webhooks.event')}</Table.Th>
              <Table.Th>{t('settings.webhooks.attempt')}</Table.Th>
              <Table.Th>{t('settings.webhooks.result')}</Table.Th>
              <Table.Th>{t('settings.webhooks.duration')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(items ?? []).map((d) => (
              <Table.Tr key={d.id} data-testid="webhook-delivery">
                <Table.Td>{new Date(d.at).toLocaleString(locale)}</Table.Td>
                <Table.Td>
                  <code>{d.event}</code>
                </Table.Td>
                <Table.Td>
                  {d.attempt}
                  {d.manual ? ` · ${t('settings.webhooks.manual')}` : ''}
                </Table.Td>
                <Table.Td>
                  <Tooltip label={d.error ?? ''} disabled={!d.error} withArrow>
                    <Badge color={d.status === 'succeeded' ? 'teal' : 'red'} variant="light" miw="max-content" data-testid="webhook-delivery-status">
                      {d.responseCode ?? t('settings.webhooks.noAnswer')} · {t(`settings.webhooks.status.${d.status}`)}
                    </Badge>
                  </Tooltip>
                </Table.Td>
                <Table.Td>{d.durationMs === null ? '—' : `${d.durationMs} ms`}</Table.Td>
                <Table.Td>
                  <Button size="compact-xs" variant="subtle" leftSection={<IconSend size={12} />} disabled={!active} onClick={() => void resend(d)}>
                    {t('settings.webhooks.resend')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        </Table.ScrollContainer>
      )}
    </div>
  );
}
