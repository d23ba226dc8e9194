import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { useMediaQuery } from '@mantine/hooks';
import { Notifications } from '@mantine/notifications';
import { RouterProvider } from 'react-router/dom';
import { router } from './router';
import toasts from './shared/notifications.module.css';
import { theme } from './shared/theme';

/**
 * Where toasts appear. On a wide screen, bottom left, over the navigation's empty lower part: the
 * inbox's action buttons sit top right and its reply box bottom right. On a phone, which has no side
 * navigation, just below the header, clear of the reply box.
 */
function Toasts() {
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  return <Notifications position={phone ? 'top-center' : 'bottom-left'} classNames={{ root: toasts.root }} />;
}

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Toasts />
      <ModalsProvider>
        <RouterProvider router={router} />
      </ModalsProvider>
    </MantineProvider>
  );
}
