// Why writing first to a customer was refused, in the UI language: the window, the number, an
// opt-out or another agent's chat, else what the template form says of a template.
import type { TFunction } from 'i18next';
import { ApiError } from '../../api/errors';
import { templateSendErrorText } from '../../templates/template-send-errors';
import { conflictText } from '../sync/actions';

export function startErrorText(t: TFunction, err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 409) return conflictText(err);
    if (err.code === 'window_closed') return t('inbox.start.windowClosed');
    if (err.code === 'validation_failed' && err.details.field === 'phone') return t('inbox.start.badPhone');
    if (err.code === 'validation_failed' && err.details.optedOut === true) return t('inbox.start.optedOut');
  }
  return templateSendErrorText(t, err, {}, 'inbox.start.failed');
}
