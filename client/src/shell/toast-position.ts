// Where toasts appear, so they never sit on what the user is about to click.
// - A wide screen: bottom left, over the navigation's empty lower part (the inbox's action buttons
//   sit top right and its reply box bottom right); raised above the inbox list's notification offer
//   while it shows (toast-clearance.ts).
// - The builder, which has no navigation: bottom centre of the canvas, between the zoom buttons
//   (bottom left) and the minimap (bottom right).
// - A phone, which has no side navigation: just below the header, clear of an open thread's reply box;
//   on the inbox's list, whose top holds its own controls (new conversation, search, folders), at the
//   bottom instead. While a drawer or dialog covers the page (a contact's details, a template), at the
//   bottom too: its title, close button and first fields are at the top, and the page's reply box
//   underneath cannot be reached anyway.
import { matchPath } from 'react-router';
import type { NotificationsProps } from '@mantine/notifications';

type NotificationPosition = NonNullable<NotificationsProps['position']>;

export function toastPosition(phone: boolean, pathname: string, overlay = false): NotificationPosition {
  if (phone) return overlay || matchPath('/inbox', pathname) ? 'bottom-center' : 'top-center';
  return matchPath('/flows/:id', pathname) ? 'bottom-center' : 'bottom-left';
}
