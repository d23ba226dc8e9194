import { IconSettings } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyPage } from '../shared/EmptyPage';

export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <EmptyPage
      heading={t('nav.settings')}
      icon={<IconSettings />}
      title={t('settings.emptyTitle')}
      description={t('settings.emptyDescription')}
    />
  );
}
