import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type en from '../i18n/en.json';

export type StatusKey = keyof (typeof en)['campaigns']['status'];

const COLORS: Record<string, string> = {
  draft: 'gray', scheduled: 'violet', waiting: 'violet', running: 'blue', paused: 'yellow', completed: 'green', cancelled: 'red',
  pending: 'gray', sent: 'blue', delivered: 'teal', read: 'green', replied: 'grape', failed: 'red', skipped: 'orange',
};

/** A campaign's or a recipient's status, in the member's language. */
export function StatusBadge({ status }: { status: StatusKey }) {
  const { t } = useTranslation();
  return <Badge color={COLORS[status] ?? 'gray'} variant="light" miw="max-content" data-testid={`status-${status}`}>{t(`campaigns.status.${status}`)}</Badge>;
}
