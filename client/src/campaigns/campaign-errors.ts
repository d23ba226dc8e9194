// Why the server refused a new campaign, in the UI language: the server's English message is for
// developers, so the code (and the details it carries) picks the words.
import type { TFunction } from 'i18next';
import { templateSendErrorText } from '../templates/template-send-errors';

export function campaignErrorText(t: TFunction, err: unknown): string {
  return templateSendErrorText(t, err, {
    template_parameters: 'campaigns.wizard.errors.templateParameters',
    validation_failed: 'campaigns.wizard.errors.invalid',
    not_found: 'campaigns.wizard.errors.notFound',
  }, 'errors.unexpected');
}
