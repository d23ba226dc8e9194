import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { RouterProvider } from 'react-router/dom';
import { router } from './router';
import { theme } from './shared/theme';

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      {/* Bottom: a toast at the top would cover the header controls (language, log out). */}
      <Notifications position="bottom-right" />
      <ModalsProvider>
        <RouterProvider router={router} />
      </ModalsProvider>
    </MantineProvider>
  );
}
