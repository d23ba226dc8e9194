import { Alert, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A list that could not be loaded (after its retries): says so, with a button to try again. */
export function LoadFailed({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" title={t('settings.members.loadError')} data-testid="list-load-failed">
      <Button variant="default" size="xs" mt={4} onClick={onRetry}>{t('settings.members.retry')}</Button>
    </Alert>
  );
}
