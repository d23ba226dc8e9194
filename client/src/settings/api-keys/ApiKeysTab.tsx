import { ActionIcon, Anchor, Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconKey, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../i18n/use-locale';
import type { Role } from '../../auth/roles';
import { membersApi } from '../members/members-api';
import { RoleSelect } from '../members/RoleSelect';
import { ShownOnce } from '../members/ShownOnce';
import { useList } from '../members/use-list';
import { LoadFailed } from '../members/LoadFailed';
import { errorText } from '../../api/error-text';
import { FILL } from '../members/fill-cell';

/** The workspace's API keys: created with a role, shown once, revoked at once. */
export function ApiKeysTab() {
  const { t } = useTranslation();
  const locale = useLocale();
  const keys = useList(membersApi.apiKeys);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('admin');
  // The new key with its id: revoking that key takes its panel away, so no dead key stays offered to copy.
  const [shown, setShown] = useState<{ id: string; key: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const failed = () => notifications.show({ color: 'red', message: t('settings.members.failed') });

  const create = async () => {
    setBusy(true);
    try {
      const created = await membersApi.createKey(name.trim(), role);
      setShown({ id: created.id, key: created.key });
      setName('');
      keys.reload();
    } catch (err) {
      notifications.show({ color: 'red', message: errorText(t, err, {}, 'settings.members.failed') });
    } finally {
      setBusy(false);
    }
  };
  const revoke = (id: string, keyName: string) =>
    modals.openConfirmModal({
      title: t('settings.apiKeys.revokeTitle', { name: keyName }),
      children: <Text size="sm">{t('settings.apiKeys.revokeBody')}</Text>,
      labels: { confirm: t('settings.apiKeys.revoke'), cancel: t('settings.members.cancel') },
      confirmProps: { color: 'red', 'data-testid': 'confirm-revoke-key' },
      onConfirm: () =>
        void membersApi.revokeKey(id).then(() => {
          setShown((s) => (s?.id === id ? null : s));
          keys.reload();
        }, failed),
    });

  return (
    <Stack gap="lg" maw={860}>
      <Paper withBorder p="lg" radius="md">
        <Title order={4} mb="xs">{t('settings.apiKeys.title')}</Title>
        <Text size="sm" c="dimmed">{t('settings.apiKeys.hint')}</Text>
        {/* Which role a key needs is in the reference (each route lists the roles it admits). */}
        <Anchor component={Link} to="/developers" size="sm" mb="md" display="inline-block" data-testid="api-keys-reference">{t('settings.apiKeys.reference')}</Anchor>
        <form onSubmit={(e) => { e.preventDefault(); void create(); }}>
          <Group align="flex-end" gap="sm">
            <TextInput label={t('settings.apiKeys.name')} placeholder={t('settings.apiKeys.namePlaceholder')} value={name} onChange={(e) => setName(e.currentTarget.value)} required style={{ flex: 1 }} name="apiKeyName" />
            <RoleSelect label={t('settings.members.role')} value={role} onChange={setRole} testId="api-key-role" />
            <Button type="submit" loading={busy} disabled={!name.trim()} leftSection={<IconKey size={16} />} data-testid="api-key-create">{t('settings.apiKeys.create')}</Button>
          </Group>
        </form>
        {shown && <Stack mt="md"><ShownOnce title={t('settings.apiKeys.keyTitle')} note={t('settings.apiKeys.keyShownOnce')} value={shown.key} testId="api-key-value" /></Stack>}
      </Paper>
      <Paper withBorder p="lg" radius="md">
        {keys.error && <LoadFailed onRetry={keys.reload} />}
        {keys.items?.length === 0 ? (
          <Text c="dimmed" size="sm">{t('settings.apiKeys.none')}</Text>
        ) : (
          <Table verticalSpacing="sm" data-testid="api-keys-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('settings.apiKeys.name')}</Table.Th>
                <Table.Th>{t('settings.members.role')}</Table.Th>
                <Table.Th visibleFrom="sm">{t('settings.apiKeys.lastUsed')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(keys.items ?? []).map((k) => {
                const used = k.lastUsedAt ? new Date(k.lastUsedAt).toLocaleString(locale) : t('settings.apiKeys.never');
                return (
                <Table.Tr key={k.id} data-testid={`api-key-${k.name}`}>
                  {/* On a phone a long name ends in "…" (whole on hover) and the last use moves under it. */}
                  <Table.Td style={FILL}>
                    <Text fw={500} truncate="end" title={k.name} data-testid="api-key-name">{k.name}</Text>
                    <Text size="xs" c="dimmed">zk_…{k.hint}</Text>
                    <Text size="xs" c="dimmed" hiddenFrom="sm" data-testid="api-key-used-phone">{t('settings.apiKeys.lastUsedOn', { when: used })}</Text>
                  </Table.Td>
                  <Table.Td style={{ width: 1, whiteSpace: 'nowrap' }}><Badge variant="light" tt="none" miw="max-content">{t(`settings.workspace.roles.${k.role}`)}</Badge></Table.Td>
                  <Table.Td fz="sm" c="dimmed" visibleFrom="sm" style={{ whiteSpace: 'nowrap' }}>{used}</Table.Td>
                  <Table.Td w={48}>
                    <ActionIcon variant="subtle" color="red" aria-label={t('settings.apiKeys.revoke')} onClick={() => revoke(k.id, k.name)}><IconTrash size={18} /></ActionIcon>
                  </Table.Td>
                </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </Stack>
  );
}
