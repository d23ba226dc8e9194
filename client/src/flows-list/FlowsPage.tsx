import { IconSitemap } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyPage } from '../shared/EmptyPage';

export function FlowsPage() {
  const { t } = useTranslation();
  return (
    <EmptyPage
      heading={t('nav.flows')}
      icon={<IconSitemap />}
      title={t('flows.emptyTitle')}
      description={t('flows.emptyDescription')}
    />
  );
}
