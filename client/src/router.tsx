import { Center, Loader } from '@mantine/core';
import { createBrowserRouter, Navigate } from 'react-router';
import { GuestOnly, RequireArea, RequireAuth, RootRedirect } from './auth/RouteGuards';
import { AccountPage } from './account/AccountPage';
import { AcceptInvitationPage } from './auth/AcceptInvitationPage';
import { LoginPage } from './auth/LoginPage';
import { ResetPasswordPage } from './auth/ResetPasswordPage';
import { SignupPage } from './auth/SignupPage';
import { CampaignPage } from './campaigns/CampaignPage';
import { CampaignsPage } from './campaigns/CampaignsPage';
import { FlowsPage } from './flows-list/FlowsPage';
import { InboxPage } from './inbox/InboxPage';
import { ReportsPage } from './reports/ReportsPage';
import { SettingsPage } from './settings/SettingsPage';
import { ContactsPage } from './contacts/ContactsPage';
import { TemplatesPage } from './templates/TemplatesPage';
import { AppLayout } from './shell/AppLayout';
import { LiveLine } from './shell/LiveLine';
import { RouteError } from './shell/RouteError';

export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    // Opening a page loaded on demand (the builder, the API reference) by its address: a spinner
    // until its code has arrived, instead of a blank page.
    hydrateFallbackElement: (
      <Center h="100dvh">
        <Loader data-testid="page-loading" />
      </Center>
    ),
    children: [
      { index: true, element: <RootRedirect /> },
      // Open with or without a session: someone signed in may accept an invitation to another workspace.
      { path: 'accept-invitation', element: <AcceptInvitationPage /> },
      { path: 'reset-password', element: <ResetPasswordPage /> },
      {
        element: <GuestOnly />,
        children: [
          { path: 'login', element: <LoginPage /> },
          { path: 'signup', element: <SignupPage /> },
        ],
      },
      {
        element: <RequireAuth />,
        children: [
          {
            // The realtime line: one per tab, open on every signed-in page (the builder's too).
            element: <LiveLine />,
            children: [
              {
                element: <RequireArea />,
                children: [
                  {
                    element: <AppLayout />,
                    children: [
                      { path: 'flows', element: <FlowsPage /> },
                      // One route for the list and an open chat, so opening a chat never remounts the page.
                      { path: 'inbox/:conversationId?', element: <InboxPage /> },
                      { path: 'campaigns', element: <CampaignsPage /> },
                      { path: 'campaigns/:id', element: <CampaignPage /> },
                      { path: 'reports', element: <ReportsPage /> },
                      { path: 'contacts', element: <ContactsPage /> },
                      { path: 'templates', element: <TemplatesPage /> },
                      { path: 'settings', element: <SettingsPage /> },
                      // Every role's own name and password.
                      { path: 'account', element: <AccountPage /> },
                      // The API reference carries its own libraries: loaded on demand.
                      { path: 'developers', lazy: () => import('./developers/DevelopersPage').then((m) => ({ Component: m.DevelopersPage })) },
                    ],
                  },
                  // Full-screen editor (its own toolbar instead of the shell), loaded on demand so the
                  // canvas libraries stay out of the first page load.
                  { path: 'flows/:id', lazy: () => import('./builder/BuilderPage').then((m) => ({ Component: m.BuilderPage })) },
                ],
              },
            ],
          },
        ],
      },
      // Unknown URLs (old bookmarks, typos) land on the right home instead of an error page.
      { path: '*', element: <Navigate to="/" replace /> },
    ],
  },
]);
