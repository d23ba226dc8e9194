import { Badge, Group, UnstyledButton } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuthStore } from '../../auth/auth-store';
import { seesAllSnoozed, snoozedCount } from '../snooze/snooze-scope';
import { FOLDERS, type Folder } from '../api/inbox-types';
import { useInbox } from '../store/inbox-store';
import classes from './list.module.css';

/** Where each key moves from folder `i` of `n` (arrows go round; Home and End to the ends). */
const STEPS: Record<string, (i: number, n: number) => number> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_i, n) => n - 1,
};

/**
 * Waiting · Mine · Unassigned · Bot · Closed, each with its open count. One Tab stop, as tabs are:
 * the arrows move between folders (opening each), so Tab goes on to the list.
 */
export function FolderTabs({ onChange }: { onChange: (folder: Folder) => void }) {
  const { t } = useTranslation();
  const folder = useInbox((s) => s.filter.folder);
  const counts = useInbox((s) => s.counts);
  const role = useAuthStore((s) => s.role);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = STEPS[e.key];
    if (!step || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    const next = FOLDERS[step(FOLDERS.indexOf(folder), FOLDERS.length)]!;
    onChange(next);
    e.currentTarget.querySelector<HTMLElement>(`[data-testid=folder-${next}]`)?.focus();
  };
  return (
    <Group gap={0} className={classes.folders} role="tablist" aria-label={t('inbox.folders.label')} onKeyDown={onKeyDown}>
        {FOLDERS.map((f) => {
          const count = f === 'closed' || f === 'all' ? null : f === 'snoozed' ? snoozedCount(counts, role) : (counts?.[f] ?? null);
          // A supervisor's Snoozed holds the whole team's: the tab says so when pointed at.
          const hint = f === 'snoozed' && seesAllSnoozed(role) ? t('inbox.folders.snoozedAll') : undefined;
          return (
            <UnstyledButton
              key={f}
              role="tab"
              aria-selected={folder === f}
              tabIndex={folder === f ? 0 : -1}
              className={classes.folder}
              data-active={folder === f || undefined}
              onClick={() => onChange(f)}
              title={hint}
              data-testid={`folder-${f}`}
            >
              {t(`inbox.folders.${f}`)}
              {count !== null && count > 0 && (
                <Badge size="xs" variant={folder === f ? 'filled' : 'light'} ml={6} data-testid={`count-${f}`}>
                  {count}
                </Badge>
              )}
            </UnstyledButton>
          );
        })}
    </Group>
  );
}
