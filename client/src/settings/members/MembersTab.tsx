import { ActionIcon, Alert, Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconMailForward, IconMailPlus, IconTrash, IconX } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/use-locale';
import { ApiError } from '../../api/errors';
import { useAuthStore } from '../../auth/auth-store';
import { validEmail } from '../../auth/form-errors';
import type { Role } from '../../auth/roles';
import { membersApi, type Invitation } from './members-api';
import { RoleSelect } from './RoleSelect';
import { confirmRoleChange } from './confirm-role';
import { ShownOnce } from './ShownOnce';
import { useList } from './use-list';
import { LoadFailed } from './LoadFailed';
import { errorText } from '../../api/error-text';
import { WRAP } from './fill-cell';
import { Breakable } from './Breakable';
import classes from './MembersTab.module.css';

/** Members and their roles, pending invitations, and a form to invite someone by email. */
export function MembersTab() {
  const { t } = useTranslation();
  const me = useAuthStore((s) => s.user);
  const myRole = useAuthStore((s) => s.role);
  const members = useList(membersApi.members);
  const locale = useLocale();
  // The role dialog names the teams someone would leave; until this answers, it says how many.
  const teams = useList(membersApi.teams);
  const teamName = new Map((teams.items ?? []).map((team) => [team.id, team.name]));
  const owners = (members.items ?? []).filter((m) => m.role === 'owner').length;
  // What the server would refuse anyway: the last owner's role or membership, and an owner changed by a non-owner.
  const lockedWhy = (m: { role: Role }) =>
    m.role !== 'owner' ? null : owners <= 1 ? t('settings.members.lastOwner') : myRole !== 'owner' ? t('settings.members.ownerOnly') : null;
  // Whether this server emails invitations (null until the list answers): the form says so beforehand.
  const [sendsEmail, setSendsEmail] = useState<boolean | null>(null);
  const loadInvitations = useCallback(async () => {
    const answer = await membersApi.invitations();
    setSendsEmail(answer.sendsEmail !== false);
    return answer;
  }, []);
  const invitations = useList(loadInvitations);
  const failed = (err: unknown) =>
    notifications.show({ color: 'red', message: err instanceof ApiError && err.status === 409 ? t('settings.members.lastOwner') : t('settings.members.failed') });

  // A confirmed role shows in the select at once, not when the list is read again; a refusal (409:
  // the last owner) puts back the role they have, and the list is read again for what changed meanwhile.
  const [pendingRole, setPendingRole] = useState<Record<string, Role>>({});
  const settle = (userId: string) => setPendingRole(({ [userId]: _settled, ...rest }) => rest);
  const setRole = (userId: string, name: string, role: Role) => {
    setPendingRole((now) => ({ ...now, [userId]: role }));
    return membersApi.setRole(userId, role).then(({ revokedApiKeys }) => {
      members.update((items) => items.map((m) => (m.userId === userId ? { ...m, role } : m)));
      settle(userId);
      const changed = t('settings.members.roleChanged', { name, role: t(`settings.workspace.roles.${role}`) });
      const keys = revokedApiKeys ? ` ${t('settings.members.keysRevoked', { count: revokedApiKeys })}` : '';
      notifications.show({ color: 'teal', message: changed + keys });
      return members.reload();
    }, (err: unknown) => {
      settle(userId);
      failed(err);
      members.reload();
    });
  };
  const remove = (userId: string, name: string) =>
    modals.openConfirmModal({
      title: t('settings.members.removeTitle', { name }),
      children: <Text size="sm">{t('settings.members.removeBody')}</Text>,
      labels: { confirm: t('settings.members.remove'), cancel: t('settings.members.cancel') },
      confirmProps: { color: 'red', 'data-testid': 'confirm-remove-member' },
      onConfirm: () => void membersApi.remove(userId).then(members.reload, failed),
    });

  // The mailed link stops working: the person needs a new invitation, so ask first.
  const revoke = (id: string, email: string) =>
    modals.openConfirmModal({
      title: t('settings.members.revokeTitle', { email }),
      children: <Text size="sm">{t('settings.members.revokeBody')}</Text>,
      labels: { confirm: t('settings.members.revoke'), cancel: t('settings.members.cancel') },
      confirmProps: { color: 'red', 'data-testid': 'confirm-revoke-invitation' },
      onConfirm: () => void membersApi.revokeInvitation(id).then(invitations.reload, failed),
    });

  return (
    <Stack gap="lg" maw={860}>
      <InviteForm onInvited={invitations.reload} sendsEmail={sendsEmail} />
      <Paper withBorder p="lg" radius="md">
        <Title order={4} mb="sm">{t('settings.members.title')}</Title>
        {members.error && <LoadFailed onRetry={members.reload} />}
        <Table verticalSpacing="sm" data-testid="members-table">
          <Table.Tbody>
            {(members.items ?? []).map((m) => {
              const locked = lockedWhy(m);
              const role = pendingRole[m.userId] ?? m.role;
              return (
              <Table.Tr key={m.userId} className={classes.row} data-testid={`member-${m.email}`}>
                {/* A long name or email wraps rather than ending in "…": it is how the owner tells people
                    apart, and "· you" stays beside their own name. On a phone it has the row's width. */}
                <Table.Td style={WRAP}>
                  <Text fw={500} data-testid="member-name">{m.name}{m.userId === me?.id && <>{' '}<Text span c="dimmed" style={{ whiteSpace: 'nowrap' }} data-testid="member-you">· {t('settings.members.you')}</Text></>}</Text>
                  <Text size="sm" c="dimmed" data-testid="member-email"><Breakable text={m.email} /></Text>
                </Table.Td>
                <Table.Td style={{ width: 'min(180px, 40vw)', minWidth: 124 }}>
                  <Tooltip label={locked} disabled={!locked}>
                    <div>
                      <RoleSelect value={role} onChange={(r) => r !== role && confirmRoleChange(t, locale, { name: m.name, from: role, to: r, teams: m.teamIds.map((id) => teamName.get(id)) }, () => void setRole(m.userId, m.name, r))} disabled={Boolean(locked)} testId={`member-role-${m.email}`} />
                    </div>
                  </Tooltip>
                </Table.Td>
                <Table.Td w={48}>
                  <Tooltip label={locked ?? t('settings.members.remove')}>
                    <ActionIcon variant="subtle" color="red" aria-label={t('settings.members.remove')} disabled={Boolean(locked)} onClick={() => remove(m.userId, m.name)} data-testid={`member-remove-${m.email}`}>
                      <IconTrash size={18} />
                    </ActionIcon>
                  </Tooltip>
                </Table.Td>
              </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Paper>
      {invitations.error && <LoadFailed onRetry={invitations.reload} />}
      <PendingInvitations items={invitations.items ?? []} onRevoke={revoke} />
    </Stack>
  );
}

function InviteForm({ onInvited, sendsEmail }: { onInvited: () => void; sendsEmail: boolean | null }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('agent');
  // `replacedFor`: the address whose earlier pending link this one replaced (the server revoked it).
  const [link, setLink] = useState<{ url: string; replacedFor: string | null; emailed: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    // Checked here rather than by the browser, whose bubble speaks the browser's language, not the app's.
    if (validEmail(email)) return setError(t('settings.members.badEmail'));
    setBusy(true);
    setError(null);
    try {
      const created = await membersApi.invite(email.trim(), role);
      setLink({ url: created.url, replacedFor: created.replaced ? created.email : null, emailed: created.emailed !== false });
      setEmail('');
      onInvited();
    } catch (err) {
      const status = err instanceof ApiError ? err.status : 0;
      if (err instanceof ApiError && err.code === 'limit_reached') setError(errorText(t, err));
      else setError(t(status === 400 ? 'settings.members.badEmail' : status === 409 ? 'settings.members.alreadyMember' : 'settings.members.failed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={4} mb="xs">{t('settings.members.inviteTitle')}</Title>
      {/* How the link reaches them, once the server has said whether it sends email (SMTP_URL). */}
      <Text size="sm" c="dimmed" mb="md" data-testid="invite-hint">
        {sendsEmail !== null && `${t(sendsEmail ? 'settings.members.inviteByEmail' : 'settings.members.inviteByLink')} `}
        {t('settings.members.inviteRoles')}
      </Text>
      <form noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        {/* Aligned at the top: an error under the email must not push the role and button down. */}
        <Group align="flex-start" gap="sm">
          <TextInput label={t('auth.fields.email')} type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={error} required style={{ flex: 1 }} name="inviteEmail" />
          <RoleSelect label={t('settings.members.role')} value={role} onChange={setRole} testId="invite-role" />
          {/* Below an empty label the height of the fields' labels, so the button sits level with the fields. */}
          <div>
            <div aria-hidden style={{ fontSize: 'var(--mantine-font-size-sm)', visibility: 'hidden' }}>&nbsp;</div>
            <Button mt={4} type="submit" loading={busy} leftSection={<IconMailPlus size={16} />} data-testid="invite-submit">{t('settings.members.invite')}</Button>
          </div>
        </Group>
      </form>
      {link && (
        <Stack mt="md">
          {/* Said, not done silently: someone may already hold the old link and find it dead. */}
          {link.replacedFor && (
            <Alert color="yellow" variant="light" icon={<IconMailForward />} data-testid="invitation-replaced">
              {t(link.emailed ? 'settings.members.resent' : 'settings.members.replacedNotEmailed', { email: link.replacedFor, interpolation: { escapeValue: false } })}
            </Alert>
          )}
          {/* With no mail set up on the server nothing went out: the owner hands the link over. */}
          <ShownOnce title={t('settings.members.linkTitle')} note={t(link.emailed ? 'settings.members.linkShownOnce' : 'settings.members.linkNotEmailed')} value={link.url} testId="invitation-link" />
        </Stack>
      )}
    </Paper>
  );
}

function PendingInvitations({ items, onRevoke }: { items: Invitation[]; onRevoke: (id: string, email: string) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (items.length === 0) return null;
  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={4} mb="sm">{t('settings.members.pending')}</Title>
      <Table data-testid="invitations-table">
        <Table.Tbody>
          {items.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td style={WRAP}><Text size="sm" data-testid="invitation-email"><Breakable text={i.email} /></Text></Table.Td>
              <Table.Td style={{ width: 1, whiteSpace: 'nowrap' }}><Badge variant="light" tt="none" miw="max-content">{t(`settings.workspace.roles.${i.role}`)}</Badge></Table.Td>
              {/* The expiry date is the first thing a phone can spare. */}
              <Table.Td c="dimmed" fz="sm" visibleFrom="sm">{t('settings.members.expires', { date: new Date(i.expiresAt).toLocaleDateString(locale) })}</Table.Td>
              <Table.Td w={48}>
                <ActionIcon variant="subtle" color="gray" aria-label={t('settings.members.revoke')} onClick={() => onRevoke(i.id, i.email)} data-testid={`invitation-revoke-${i.email}`}><IconX size={18} /></ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
