// Why the server refused a new campaign, in the UI language: the server's English message is for
// developers, so the code (and the details it carries) picks the words.
import type { TFunction } from 'i18next';
import { errorText } from '../api/error-text';
import { ApiError } from '../api/errors';

export function campaignErrorText(t: TFunction, err: unknown): string {
  if (err instanceof ApiError && err.code === 'validation_failed') {
    const { templateStatus, malformedPlaceholders } = err.details;
    if (Array.isArray(malformedPlaceholders)) return t('campaigns.wizard.errors.malformedPlaceholders', { list: malformedPlaceholders.join(', '), example: '{{contact.name | "…"}}', interpolation: { escapeValue: false } });
    if (typeof templateStatus === 'string') return t('campaigns.wizard.errors.templateNotApproved', { status: templateStatus });
  }
  return errorText(t, err, {
    template_parameters: 'campaigns.wizard.errors.templateParameters',
    validation_failed: 'campaigns.wizard.errors.invalid',
    not_found: 'campaigns.wizard.errors.notFound',
  });
}
