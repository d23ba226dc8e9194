// Toasts for flow actions, shared by the list page and the builder.
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { type CodeKeys, errorText } from '../api/error-text';

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message });
}

export function notifyFailure(message: string): void {
  notifications.show({ color: 'red', message });
}

/** A failed request as a toast, in the UI language (server text is English-only, so not shown). */
export function notifyError(t: TFunction, err: unknown, own: CodeKeys = {}): void {
  if (err instanceof DOMException && err.name === 'AbortError') return;
  notifyFailure(errorText(t, err, own));
}
