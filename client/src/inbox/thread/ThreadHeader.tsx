import { ActionIcon, Avatar, Badge, Button, Group, Indicator, Text, Tooltip } from '@mantine/core';
import { IconArrowLeft, IconCheck, IconInfoCircle, IconLayoutSidebarRight, IconRefresh, IconUserCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAuthStore } from '../../auth/auth-store';
import { useToastsBelow } from '../../shell/toast-clearance';
import { formatPhone } from '../../shared/format-phone';
import touch from '../../shared/touch.module.css';
import { useBelow } from '../../shared/use-below';
import { contactLabel } from '../format';
import { STATUS_COLOR } from '../list/ConversationRow';
import { useInbox } from '../store/inbox-store';
import { pendingElsewhere } from '../store/pending';
import { takeoverActions } from '../sync/actions';
import { confirmClose } from './confirm-close';
import { takeOrAsk } from './confirm-take';
import { mayLetGo, takeKind } from './hold-rules';
import classes from './thread.module.css';
import { ThreadMenu } from './ThreadMenu';

interface HeaderProps {
  onBack: () => void;
  onToggleSide: () => void;
  sideShown: boolean;
}

export function ThreadHeader({ onBack, onToggleSide, sideShown }: HeaderProps) {
  const { t } = useTranslation();
  const detail = useInbox((s) => s.thread?.detail);
  const members = useInbox((s) => s.members);
  const meId = useAuthStore((s) => s.user?.id);
  const role = useAuthStore((s) => s.role);
  const toastsBelow = useToastsBelow();
  const pending = useInbox((s) => pendingElsewhere(s.counts, s.thread?.detail?.status));
  const phone = useBelow('sm');
  if (!detail) return null;
  const name = contactLabel(detail.contact, (ref) => t('inbox.unnamedContact', { ref }));
  const assignee = detail.assignee?.name ?? members.find((m) => m.userId === detail.assigneeId)?.name ?? null;
  const kind = meId && role ? takeKind(detail, meId, role) : null;
  const sideLabel = t(sideShown ? 'inbox.side.hide' : 'inbox.side.toggle');
  const label = t(kind === 'takeOver' ? 'inbox.actions.takeOver' : 'inbox.actions.take');
  return (
    // Take is the main action and says so in words at every width; in a narrow thread (a phone, or
    // between the list and the side panel at 1280 px) it drops its icon, and the close tick beside it
    // goes to the menu, instead (thread.module.css).
    // On a phone, toasts appear below the header, so back, Take and the menu stay in reach.
    // Tooltips do not open on keyboard focus: Take and Close tell a screen reader their keys instead.
    <div className={classes.header} ref={toastsBelow} data-testid="thread-header">
    <Group px="sm" py={8} gap={phone ? 4 : 'sm'} wrap="wrap" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
      {/* Who: the way back and the customer, whose name keeps a readable width; the actions wrap below it when they would squeeze it. */}
      <Group gap={phone ? 4 : 'sm'} wrap="nowrap" className={classes.who}>
        {/* One column at a time, the list is out of sight: the way back counts the chats waiting there. */}
        <Indicator hiddenFrom="md" label={pending > 99 ? '99+' : pending} disabled={pending === 0} size={18} offset={9} color="red" data-testid="thread-back-pending" data-count={pending}>
          <ActionIcon variant="subtle" color="gray" className={touch.target} onClick={onBack} aria-label={pending > 0 ? t('inbox.thread.backPending', { count: pending }) : t('inbox.thread.back')} data-testid="thread-back">
            <IconArrowLeft size={20} />
          </ActionIcon>
        </Indicator>
        <Avatar name={detail.contact.name?.trim() || undefined} color="initials" radius="xl" size={36} visibleFrom="xs" className={classes.wideOnly} />
        <div className={classes.name}>
          <Text fw={600} size="sm" truncate title={name} data-testid="thread-name">{name}</Text>
          <Group gap={6} wrap="nowrap">
            <Badge size="xs" variant="light" color={STATUS_COLOR[detail.status]} style={{ flexShrink: 0 }} data-testid="thread-status">{t(`inbox.status.${detail.status}`)}</Badge>
            {assignee && <Text size="xs" c="dimmed" truncate className={classes.assignee} title={t('inbox.thread.assignedTo', { name: assignee })} data-testid="thread-assignee">{t('inbox.thread.assignedTo', { name: assignee })}</Text>}
            {!assignee && detail.contact.phone && <Text size="xs" c="dimmed" truncate visibleFrom="sm">{formatPhone(detail.contact.phone)}</Text>}
          </Group>
        </div>
      </Group>
      <Group gap={phone ? 4 : 'sm'} wrap="nowrap" className={classes.actions}>
        {kind && (
          <Tooltip label={`${label} (A)`} openDelay={500}>
            <Button size="xs" variant={kind === 'takeOver' ? 'light' : 'filled'} leftSection={<IconUserCheck size={16} />} onClick={() => takeOrAsk(t, detail, assignee)} classNames={{ section: classes.takeIcon }} style={{ flexShrink: 0 }} aria-keyshortcuts="A" data-testid="take">
              {label}
            </Button>
          </Tooltip>
        )}
        {detail.status === 'closed' ? (
          <Button size="xs" variant="default" leftSection={<IconRefresh size={16} />} onClick={() => void takeoverActions.reopen(detail.id)} data-testid="reopen">
            {t('inbox.actions.reopen')}
          </Button>
        ) : mayLetGo(detail, meId, role) && (
          <Tooltip label={`${t('inbox.actions.close')} (E)`} openDelay={300}>
            <ActionIcon variant="default" size="lg" onClick={() => confirmClose(t, detail.id)} visibleFrom="sm" className={kind ? classes.besideTake : undefined} aria-label={t('inbox.actions.close')} aria-keyshortcuts="E" data-testid="close">
              <IconCheck size={18} />
            </ActionIcon>
          </Tooltip>
        )}
        <ThreadMenu detail={detail} />
        {/* On a phone there is no side panel to picture: the details open over the thread. */}
        <Tooltip label={`${sideLabel} (D)`} openDelay={500}>
          <ActionIcon variant={sideShown ? 'light' : 'subtle'} color="gray" className={touch.target} onClick={onToggleSide} aria-label={sideLabel} aria-expanded={sideShown} aria-keyshortcuts="D" data-testid="toggle-side">
            {phone ? <IconInfoCircle size={22} /> : <IconLayoutSidebarRight size={20} />}
          </ActionIcon>
        </Tooltip>
      </Group>
    </Group>
    </div>
  );
}
