// Why a template send was refused (the inbox's "Send a template", a campaign), in the UI language:
// the server's English message is for developers, so the code and its details pick the words.
import type { ParseKeys, TFunction } from 'i18next';
import { errorText, type CodeKeys } from '../api/error-text';
import { ApiError } from '../api/errors';

/** `own`: a screen's words for codes it says differently (a campaign names its Parameters step). */
export function templateSendErrorText(t: TFunction, err: unknown, own: CodeKeys = {}, fallback: ParseKeys = 'templates.sendErrors.refused'): string {
  if (err instanceof ApiError) {
    const { templateStatus, malformedPlaceholders } = err.details;
    if (Array.isArray(malformedPlaceholders)) {
      return t('templates.sendErrors.malformedPlaceholders', { list: malformedPlaceholders.join(', '), example: '{{contact.name | "…"}}', interpolation: { escapeValue: false } });
    }
    if (typeof templateStatus === 'string') return t('templates.sendErrors.notApproved', { status: t(`templates.statuses.${templateStatus}` as never, { defaultValue: templateStatus }) });
  }
  return errorText(t, err, {
    template_not_found: 'templates.sendErrors.notFound',
    templates_unsupported: 'templates.sendErrors.unsupported',
    template_parameters: 'templates.sendErrors.parameters',
    ...own,
  }, fallback);
}
