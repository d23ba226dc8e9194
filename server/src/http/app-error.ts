// Typed application errors. Services throw these with a stable code; only error-middleware.ts
// knows which HTTP status each code becomes.
export const APP_ERROR_STATUS = {
  validation_failed: 400,
  unauthorized: 401,
  invalid_credentials: 401,
  invalid_signature: 401,
  /** A snooze's `until` is not in the future, or further ahead than SNOOZE_MAX_DAYS (inbox/snooze.service.ts). */
  snooze_in_past: 400,
  snooze_too_far: 400,
  forbidden: 403,
  not_found: 404,
  /** A path the API knows, asked with a method it does not take (method-not-allowed.ts sets Allow). */
  method_not_allowed: 405,
  conflict: 409,
  email_taken: 409,
  stale_revision: 409,
  /** The workspace keeps the most of this kind it may (limits/workspace-caps.ts). */
  limit_reached: 409,
  /** Meta takes edits of a template only in some statuses (templates.service.ts EDITABLE). */
  template_not_editable: 409,
  /** Only a chat a person holds (status human) is snoozed: the bot's, a queued or a closed one is not. */
  not_snoozable: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  flow_invalid: 422,
  flow_too_large: 422,
  window_closed: 422,
  template_not_found: 422,
  template_not_approved: 422,
  template_parameters: 422,
  templates_unsupported: 422,
  rate_limited: 429,
  /** A provider (Meta) refused a request we had no reason to think it would: its words in the details. */
  provider_refused: 502,
  unavailable: 503,
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
