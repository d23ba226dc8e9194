// Settings → Teams: who answers which transferred chats (a transfer step names a team).
import { ActionIcon, Alert, Badge, Button, Group, MultiSelect, Paper, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/error-text';
import { canSee } from '../../auth/roles';
import { peopleApi } from '../api/people-api';
import type { Member, Team } from '../api/inbox-types';

/** A team that could not be saved; a name another team has (`conflict`) is said as such. */
const notifyTeamError = (t: TFunction, err: unknown) =>
  notifications.show({ color: 'red', message: errorText(t, err, { conflict: 'teams.duplicate' }, 'teams.saveFailed') });

function TeamRow({ team, members, onChanged }: { team: Team; members: Member[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(team.name);
  // Picked people show at once and the picker stays open for the next one. Saves go one after another
  // (the last pick wins on the server too), and a reload mid-way does not undo a pick still saving.
  const [memberIds, setMemberIds] = useState(team.memberIds);
  const saving = useRef<Promise<unknown>>(Promise.resolve());
  const pending = useRef(0);
  const saved = team.memberIds.join();
  useEffect(() => {
    if (pending.current === 0) setMemberIds(saved ? saved.split(',') : []);
  }, [saved]);
  const save = (body: { name?: string; memberIds?: string[] }) => {
    pending.current++;
    saving.current = saving.current.then(() =>
      peopleApi.updateTeam(team.id, body).then(
        () => {
          pending.current--;
          onChanged();
        },
        (err: unknown) => {
          pending.current--;
          notifyTeamError(t, err);
          setName(team.name);
          setMemberIds(team.memberIds);
        },
      ),
    );
  };
  const remove = () =>
    modals.openConfirmModal({
      title: t('teams.deleteTitle'),
      children: <Text size="sm">{t('teams.deleteBody', { name: team.name })}</Text>,
      labels: { confirm: t('teams.delete'), cancel: t('inbox.actions.cancel') },
      confirmProps: { color: 'red', 'data-testid': 'confirm-delete-team' } as Record<string, string>,
      onConfirm: () => void peopleApi.deleteTeam(team.id).then(onChanged, () => notifications.show({ color: 'red', message: t('teams.saveFailed') })),
    });
  return (
    <Paper withBorder p="md" radius="md" data-testid={`team-${team.id}`}>
      <Group align="flex-end" wrap="wrap">
        <TextInput label={t('teams.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} onBlur={() => name.trim() && name !== team.name && void save({ name: name.trim() })} w={220} />
        <MultiSelect
          label={t('teams.members')}
          flex={1}
          miw={220}
          description={t('teams.membersHint')}
          data={members.map((m) => ({ value: m.userId, label: m.name }))}
          value={memberIds}
          onChange={(ids) => {
            setMemberIds(ids);
            void save({ memberIds: ids });
          }}
          data-testid={`team-members-${team.id}`}
          searchable
          placeholder={team.memberIds.length ? undefined : t('teams.pickMembers')}
        />
        <ActionIcon variant="subtle" color="red" size="lg" onClick={remove} aria-label={t('teams.delete')} data-testid={`delete-team-${team.id}`}>
          <IconTrash size={18} />
        </ActionIcon>
      </Group>
    </Paper>
  );
}

export function TeamsTab() {
  const { t } = useTranslation();
  const [teams, setTeams] = useState<Team[] | null>(null);
  const [members, setMembers] = useState<Member[]>([]);
  const [error, setError] = useState(false);
  const [name, setName] = useState('');
  const load = useCallback(() => {
    peopleApi.teams().then(setTeams, () => setError(true));
    // Only people who use the inbox answer a team's chats (the server refuses anyone else): a
    // marketer is neither offered in the picker nor counted among the agents.
    peopleApi.members().then((all) => setMembers(all.filter((m) => canSee('inbox', m.role))), () => undefined);
  }, []);
  useEffect(load, [load]);
  const create = async () => {
    if (!name.trim()) return;
    try {
      await peopleApi.createTeam({ name: name.trim(), memberIds: [] });
      setName('');
      load();
    } catch (err) {
      notifyTeamError(t, err);
    }
  };
  if (error) return <Alert color="red">{t('teams.loadError')}</Alert>;
  if (!teams) return <Skeleton h={160} radius="md" />;
  return (
    <Stack gap="md" maw={820}>
      <Text size="sm" c="dimmed">{t('teams.intro')}</Text>
      <Group align="flex-end">
        <TextInput label={t('teams.newTeam')} placeholder={t('teams.namePlaceholder')} value={name} onChange={(e) => setName(e.currentTarget.value)} onKeyDown={(e) => e.key === 'Enter' && void create()} data-testid="new-team-name" />
        <Button leftSection={<IconPlus size={16} />} onClick={() => void create()} disabled={!name.trim()} data-testid="create-team">{t('teams.create')}</Button>
      </Group>
      {teams.length === 0 && <Paper withBorder p="lg" radius="md"><Text c="dimmed" size="sm">{t('teams.empty')}</Text></Paper>}
      {teams.map((team) => <TeamRow key={team.id} team={team} members={members} onChanged={load} />)}
      {members.length > 0 && (
        <Group gap={6}>
          <Text size="xs" c="dimmed">{t('teams.openChats')}</Text>
          {members.map((m) => <Badge key={m.userId} variant="light" color="gray" tt="none">{m.name}: {m.openCount ?? 0}</Badge>)}
        </Group>
      )}
    </Stack>
  );
}
