import { Button, Center, EmptyState } from '@mantine/core';
import { IconMoodSad } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

/** Router errorElement: a crash in one page shouldn't leave users on a blank screen. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <Center mih="100dvh" p="md">
      <EmptyState
        variant="light"
        color="red"
        size="lg"
        icon={<IconMoodSad />}
        title={t('routeError.title')}
        description={t('routeError.description')}
      >
        <EmptyState.Actions>
          {/* A full load, not client navigation: the router state itself may be what broke. */}
          <Button component="a" href="/">
            {t('routeError.home')}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Center>
  );
}
