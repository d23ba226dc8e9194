import { ActionIcon, Menu, Text } from '@mantine/core';
import { IconAlarmSnooze, IconCheck, IconDots, IconRobot, IconUser, IconUsersGroup } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inboxApi } from '../api/inbox-api';
import type { ConversationDetail } from '../api/inbox-types';
import { useAuthStore } from '../../auth/auth-store';
import { canSee } from '../../auth/roles';
import touch from '../../shared/touch.module.css';
import { memberName } from '../format';
import { PresenceDot } from '../presence/PresenceDot';
import { useInbox } from '../store/inbox-store';
import { presenceShown } from '../store/people-slice';
import { takeoverActions } from '../sync/actions';
import { confirmClose } from './confirm-close';
import { assignOrAsk } from './confirm-take';
import { mayLetGo } from './hold-rules';
import { presetClock, presetTime, SNOOZE_PRESETS } from '../snooze/snooze-time';

/**
 * Assign to a teammate (a member whose role uses the inbox) or a team, hand back to the bot
 * (optionally to a published flow), close. An agent looking at a colleague's chat is told who
 * holds it instead: the server would refuse each of these.
 */
export function ThreadMenu({ detail }: { detail: ConversationDetail }) {
  const { t, i18n } = useTranslation();
  const members = useInbox((s) => s.members);
  const teams = useInbox((s) => s.teams);
  const meId = useAuthStore((s) => s.user?.id);
  // The agent's own dot as the header knows it: the members list may still say "offline".
  const mine = useInbox((s) => s.mine);
  const role = useAuthStore((s) => s.role);
  const [flows, setFlows] = useState<Array<{ id: string; name: string }> | null>(null);
  const id = detail.id;
  const holder = detail.assignee?.name ?? memberName(members, detail.assigneeId);
  const open = detail.status !== 'closed' && mayLetGo(detail, meId, role);
  // A dialog asked from an item gives the focus back, when it closes, to what had it when it opened:
  // the item, gone with the menu by then. The ⋯ button takes it first, so the agent lands there.
  const button = useRef<HTMLButtonElement>(null);
  const ask = (question: () => void) => () => {
    button.current?.focus();
    question();
  };
  return (
    <Menu position="bottom-end" width={250} onOpen={() => flows === null && inboxApi.handbackFlows(id).then(setFlows, () => setFlows([]))}>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" className={touch.target} aria-label={t('inbox.actions.more')} ref={button} data-testid="thread-menu">
          <IconDots size={20} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown mah={420} style={{ overflowY: 'auto' }}>
        {open && (
          <>
            <Menu.Label>{t('inbox.actions.assignToPerson')}</Menu.Label>
            {members.filter((m) => canSee('inbox', m.role)).map((m) => {
              // Whoever holds the chat is listed, marked, and not offered it again.
              const holds = m.userId === detail.assigneeId;
              return (
                <Menu.Item key={m.userId} disabled={holds} leftSection={<IconUser size={14} />} rightSection={<PresenceDot status={presenceShown({ mine }, m)} />} onClick={ask(() => assignOrAsk(t, detail, { kind: 'user', id: m.userId, name: m.name }, holder))} data-testid={`assign-user-${m.userId}`}>
                  {m.name}
                  {holds && <Text span size="xs" c="dimmed"> · {t('inbox.actions.holding')}</Text>}
                </Menu.Item>
              );
            })}
            {teams.length > 0 && <Menu.Label>{t('inbox.actions.assignToTeam')}</Menu.Label>}
            {teams.map((team) => (
              <Menu.Item key={team.id} leftSection={<IconUsersGroup size={14} />} onClick={ask(() => assignOrAsk(t, detail, { kind: 'team', id: team.id, name: team.name }, holder))} data-testid={`assign-team-${team.id}`}>
                {team.name}
              </Menu.Item>
            ))}
            {/* Only a chat a person holds is snoozed (the server's rule): a queued one has nobody to come back to it. */}
            {detail.status === 'human' && (
              <>
                <Menu.Divider />
                <Menu.Label>{t('inbox.snooze.menu')}</Menu.Label>
                {SNOOZE_PRESETS.map((preset) => (
                  <Menu.Item key={preset} leftSection={<IconAlarmSnooze size={14} />} onClick={() => void takeoverActions.snooze(id, presetTime(preset, new Date()))} data-testid={`snooze-${preset}`}>
                    {t(`inbox.snooze.${preset}`, { time: presetClock(i18n.language) })}
                  </Menu.Item>
                ))}
              </>
            )}
            <Menu.Divider />
            <Menu.Label>{t('inbox.actions.handback')}</Menu.Label>
            <Menu.Item leftSection={<IconRobot size={14} />} onClick={() => void takeoverActions.handback(id)} data-testid="handback">
              {t('inbox.actions.handbackTriggers')}
            </Menu.Item>
            {(flows ?? []).map((f) => (
              <Menu.Item key={f.id} leftSection={<IconRobot size={14} />} onClick={() => void takeoverActions.handback(id, f.id)} data-testid={`handback-${f.id}`}>
                {t('inbox.actions.handbackTo', { name: f.name })}
              </Menu.Item>
            ))}
            <Menu.Divider />
            <Menu.Item leftSection={<IconCheck size={14} />} onClick={ask(() => confirmClose(t, id))} data-testid="menu-close">
              {t('inbox.actions.close')}
            </Menu.Item>
          </>
        )}
        {detail.status === 'closed' && <Menu.Item onClick={() => void takeoverActions.reopen(id)}>{t('inbox.actions.reopen')}</Menu.Item>}
        {detail.status !== 'closed' && !open && <Menu.Label maw={250} style={{ whiteSpace: 'normal' }} data-testid="held-by-other">{t('inbox.actions.heldByOther', { name: holder ?? t('inbox.actions.someoneElse') })}</Menu.Label>}
      </Menu.Dropdown>
    </Menu>
  );
}
