import { Alert, Button, Center, Loader, Paper, Stack, Table, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/use-locale';
import { membersApi, type AuditEntry } from '../members/members-api';
import { auditDetails } from './audit-details';
import { useBelow } from '../../shared/use-below';

/** The workspace's critical actions, newest first (owners only). */
export function AuditTab() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [items, setItems] = useState<AuditEntry[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState(false);
  const load = useCallback((after?: string) => {
    membersApi.audit(after).then((page) => {
      setItems((prev) => (after ? [...(prev ?? []), ...page.items] : page.items));
      setCursor(page.nextCursor);
    }, () => setError(true));
  }, []);
  useEffect(() => load(), [load]);
  const phone = useBelow('xs');
  const whenOf = (e: AuditEntry) => new Date(e.at).toLocaleString(locale);
  const whoOf = (e: AuditEntry) => e.actor?.name ?? t('settings.audit.system');
  const actionOf = (e: AuditEntry) => t(`settings.audit.actions.${e.action}` as never, { defaultValue: e.action });

  return (
    <Paper withBorder p="lg" radius="md" maw={960}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">{t('settings.audit.hint')}</Text>
        {error && <Alert color="yellow">{t('settings.members.loadError')}</Alert>}
        {phone ? (
          // On a phone each entry is a short block (what, about whom, who and when): four columns
          // left "what" and "details" off-screen behind a sideways scroll.
          <Stack gap={0} data-testid="audit-table">
            {(items ?? []).map((e) => (
              <Stack key={e.id} gap={2} py="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }} data-testid="audit-entry">
                <Text fz="sm" fw={600}>{actionOf(e)}</Text>
                <Text fz="xs" style={{ overflowWrap: 'anywhere' }} data-testid="audit-details">{auditDetails(e, t, locale)}</Text>
                <Text fz="xs" c="dimmed">{whoOf(e)} · {whenOf(e)}</Text>
              </Stack>
            ))}
          </Stack>
        ) : (
        <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="xs" data-testid="audit-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('settings.audit.when')}</Table.Th>
              <Table.Th>{t('settings.audit.who')}</Table.Th>
              <Table.Th>{t('settings.audit.what')}</Table.Th>
              <Table.Th>{t('settings.audit.details')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(items ?? []).map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td fz="sm" c="dimmed">{whenOf(e)}</Table.Td>
                <Table.Td fz="sm">{whoOf(e)}</Table.Td>
                <Table.Td fz="sm">{actionOf(e)}</Table.Td>
                <Table.Td fz="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }} data-testid="audit-details">{auditDetails(e, t, locale)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        </Table.ScrollContainer>
        )}
        {items === null && !error && <Center py="md"><Loader size="sm" /></Center>}
        {items?.length === 0 && <Text size="sm" c="dimmed" ta="center" py="md" data-testid="audit-empty">{t('settings.audit.empty')}</Text>}
        {cursor && <Button variant="subtle" onClick={() => load(cursor)}>{t('settings.audit.more')}</Button>}
      </Stack>
    </Paper>
  );
}
