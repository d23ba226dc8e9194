import { MantineProvider } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router/dom';
import { router } from './router';
import { useOverlayOpen } from './shell/overlay-open';
import { toastPosition } from './shell/toast-position';
import toasts from './shared/notifications.module.css';
import { themeFor } from './shared/theme';
import { useBelow } from './shared/use-below';

const subscribeToRoute = (onChange: () => void) => router.subscribe(onChange);
const currentPath = () => router.state.location.pathname;

/** Toasts follow the page: see toastPosition. */
function Toasts() {
  const phone = useBelow('sm');
  const pathname = useSyncExternalStore(subscribeToRoute, currentPath);
  const overlay = useOverlayOpen();
  return <Notifications position={toastPosition(phone, pathname, overlay)} classNames={{ root: toasts.root }} />;
}

export function App() {
  const { t } = useTranslation();
  // The device's main pointer: a finger cannot hover (themeFor keeps tooltips shut then).
  const touch = useMediaQuery('(hover: none)', false, { getInitialValueInEffect: false });
  const theme = useMemo(() => themeFor({ togglePassword: t('app.togglePassword'), closeDialog: t('app.closeDialog') }, !touch), [t, touch]);
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Toasts />
      <ModalsProvider>
        <RouterProvider router={router} />
      </ModalsProvider>
    </MantineProvider>
  );
}
