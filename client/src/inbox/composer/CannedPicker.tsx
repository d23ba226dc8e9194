import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuthStore } from '../../auth/auth-store';
import { isAdmin } from '../../auth/roles';
import type { CannedResponse } from '../api/inbox-types';
import { PickerList } from './PickerList';

interface Props {
  id: string;
  items: CannedResponse[];
  active: number;
  onPick: (item: CannedResponse) => void;
}

/** The list above the composer while a `/shortcut` is typed (arrows move, Enter or Tab picks). */
export function CannedPicker({ id, items, active, onPick }: Props) {
  const { t } = useTranslation();
  const role = useAuthStore((s) => s.role);
  const empty = (
    <Text size="sm" c="dimmed" p="sm">
      {t('inbox.composer.noCanned')}{' '}
      {/* Only owners and admins have Settings → Canned responses; an agent is told who can add them. */}
      {isAdmin(role) ? (
        <Anchor component={Link} to="/settings?tab=canned" size="sm" onMouseDown={(e) => e.preventDefault()} data-testid="canned-settings">
          {t('inbox.composer.noCannedAdd')}
        </Anchor>
      ) : (
        t('inbox.composer.noCannedAsk')
      )}
    </Text>
  );
  return (
    <PickerList id={id} items={items} active={active} label={t('inbox.composer.canned')} testId="canned-picker" empty={empty}
      keyOf={(c) => c.id} testIdOf={(c) => `canned-${c.shortcut}`} onPick={onPick}>
      {(c) => (
        <>
          <Text size="sm" fw={600}>/{c.shortcut}</Text>
          <Text size="xs" c="dimmed" lineClamp={1}>{c.text}</Text>
        </>
      )}
    </PickerList>
  );
}
