import { Badge, Group, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FOLDERS, type Folder } from '../api/inbox-types';
import { useInbox } from '../store/inbox-store';
import classes from './list.module.css';

/** Waiting · Mine · Unassigned · Bot · Closed, each with its open count. */
export function FolderTabs({ onChange }: { onChange: (folder: Folder) => void }) {
  const { t } = useTranslation();
  const folder = useInbox((s) => s.filter.folder);
  const counts = useInbox((s) => s.counts);
  return (
    <Group gap={0} className={classes.folders} role="tablist" aria-label={t('inbox.folders.label')}>
        {FOLDERS.map((f) => {
          const count = f === 'closed' || f === 'all' ? null : (counts?.[f] ?? null);
          return (
            <UnstyledButton
              key={f}
              role="tab"
              aria-selected={folder === f}
              className={classes.folder}
              data-active={folder === f || undefined}
              onClick={() => onChange(f)}
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
