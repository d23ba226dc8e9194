import { List, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import type { TFunction } from 'i18next';
import type { Role } from '../../auth/roles';
import { listOf, roleChangeEffects, type RoleEffect } from './role-change';

/**
 * A new role changes what someone sees and may do, so it is asked first, naming the person, both roles
 * and what follows. The focus starts on Change role; Escape or Cancel leaves the role as it was (the
 * select shows the member's role, which only a confirmed change alters). The teams they would leave
 * are named (`teams`: each team's name, undefined when not known), in `locale`'s words for a list.
 */
export function confirmRoleChange(t: TFunction, locale: string, m: { name: string; from: Role; to: Role; teams: (string | undefined)[] }, onConfirm: () => void) {
  const role = (r: Role) => t(`settings.workspace.roles.${r}`);
  const effects = roleChangeEffects(m.from, m.to, m.teams);
  modals.openConfirmModal({
    title: t('settings.members.roleTitle', { name: m.name}),
    children: (
      <Stack gap="xs" data-testid="role-change-body">
        <Text size="sm">{t('settings.members.roleBody', { name: m.name, from: role(m.from), to: role(m.to)})}</Text>
        {effects.length > 0 && (
          <List size="sm" spacing={4}>
            {effects.map((e) => <List.Item key={e.key}>{t(e.key, optionsOf(e, locale))}</List.Item>)}
          </List>
        )}
      </Stack>
    ),
    labels: { confirm: t('settings.members.roleConfirm'), cancel: t('settings.members.cancel') },
    confirmProps: { 'data-testid': 'confirm-role-change', 'data-autofocus': true } as Record<string, string | boolean>,
    cancelProps: { 'data-testid': 'cancel-role-change' } as Record<string, string>,
    onConfirm,
  });
}

const optionsOf = (e: RoleEffect, locale: string) => ({
  ...(e.count === undefined ? {} : { count: e.count }),
  ...(e.teams ? { teams: listOf(e.teams, locale) } : {}),
});
