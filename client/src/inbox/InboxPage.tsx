import { IconInbox } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyPage } from '../shared/EmptyPage';

export function InboxPage() {
  const { t } = useTranslation();
  return (
    <EmptyPage
      heading={t('nav.inbox')}
      icon={<IconInbox />}
      title={t('inbox.emptyTitle')}
      description={t('inbox.emptyDescription')}
    />
  );
}
