import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { RouterProvider } from 'react-router/dom';
import { router } from './router';
import toasts from './shared/notifications.module.css';
import { theme } from './shared/theme';

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      {/* Top right, just below the header: clear of the header controls (language, log out) and of
          the inbox composer and its Send button at the bottom. */}
      <Notifications position="top-right" classNames={{ root: toasts.root }} />
      <ModalsProvider>
        <RouterProvider router={router} />
      </ModalsProvider>
    </MantineProvider>
  );
}
